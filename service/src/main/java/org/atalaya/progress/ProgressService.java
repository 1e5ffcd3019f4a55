package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.indicator.TargetService;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.shared.ApiException;

/**
 * "How are we doing?" for an indicator, an action card, an axis or the plan, as of a date, for one
 * sex and territory: reads the official series and the target that applies to the cell, and hands
 * them to the {@link ProgressEngine}; levels above the indicator are {@link RollUps}.
 */
@Singleton
class ProgressService {
  private final IndicatorService indicators;
  private final TargetService targets;
  private final MeasurementQueries measurements;
  private final PlanService plans;

  ProgressService(
      IndicatorService indicators,
      TargetService targets,
      MeasurementQueries measurements,
      PlanService plans) {
    this.indicators = indicators;
    this.targets = targets;
    this.measurements = measurements;
    this.plans = plans;
  }

  @Serdeable
  record IndicatorProgress(
      String indicator,
      String name,
      String unit,
      Sex sex,
      String territory,
      String source,
      boolean targetInherited,
      CellProgress progress) {}

  @Serdeable
  record LevelProgress(
      String level, String code, String name, LocalDate asOf, RollUp progress, List<?> children) {}

  IndicatorProgress indicator(String code, LocalDate asOf, Sex sex, @Nullable String territory)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    MeasurementQueries.SeriesView series =
        measurements.series(code, sex, territory, null, null, asOf);
    List<Point> observations =
        series.points().stream()
            .filter(p -> p.value() != null)
            .map(p -> new Point(p.start(), p.value().doubleValue()))
            .toList();
    var applicable = targets.applicableTarget(code, sex, series.territory());
    TargetSeries target = applicable.map(a -> series(a.target())).orElse(null);
    var facts =
        new IndicatorFacts(
            indicator.kind(),
            indicator.direction(),
            indicator.accumulation(),
            indicator.frequency(),
            indicator.tolerance() == null ? null : indicator.tolerance().doubleValue());
    CellProgress progress;
    try {
      progress = ProgressEngine.assess(new Cell(facts, target, observations), asOf);
    } catch (AsOfBeforeBaselineException e) {
      throw new ApiException(
          io.micronaut.http.HttpStatus.BAD_REQUEST,
          "problem.invalid",
          List.of(new ApiException.FieldError("asOf", "asOfBeforeBaseline", e.baselinePeriod())));
    }
    return new IndicatorProgress(
        code,
        indicator.name(),
        indicator.unit(),
        sex,
        series.territory(),
        series.source(),
        applicable.map(a -> a.inherited()).orElse(false),
        progress);
  }

  LevelProgress card(String plan, String card, LocalDate asOf, Sex sex, String territory)
      throws SQLException {
    PlanDocument doc = plans.document(plan, true);
    for (PlanDocument.AxisDoc axis : doc.axes()) {
      for (PlanDocument.ActionCardDoc c : axis.actionCards()) {
        if (c.code().equals(card)) {
          return cardProgress(byCard(plan), c, asOf, sex, territory);
        }
      }
    }
    throw ApiException.notFound("action", card);
  }

  LevelProgress axis(String plan, String axisCode, LocalDate asOf, Sex sex, String territory)
      throws SQLException {
    PlanDocument doc = plans.document(plan, true);
    PlanDocument.AxisDoc axis =
        doc.axes().stream()
            .filter(a -> a.code().equals(axisCode))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("axis", axisCode));
    return axisProgress(byCard(plan), axis, asOf, sex, territory);
  }

  LevelProgress plan(String plan, LocalDate asOf, Sex sex, String territory) throws SQLException {
    PlanDocument doc = plans.document(plan, true);
    Map<String, List<IndicatorDoc>> byCard = byCard(plan);
    List<LevelProgress> axes = new ArrayList<>();
    for (PlanDocument.AxisDoc axis : doc.axes()) {
      axes.add(axisProgress(byCard, axis, asOf, sex, territory));
    }
    RollUp rollUp = RollUps.plan(axes.stream().map(LevelProgress::progress).toList());
    return new LevelProgress("plan", plan, doc.plan().name(), asOf, rollUp, axes);
  }

  private LevelProgress axisProgress(
      Map<String, List<IndicatorDoc>> byCard,
      PlanDocument.AxisDoc axis,
      LocalDate asOf,
      Sex sex,
      String territory)
      throws SQLException {
    List<LevelProgress> cards = new ArrayList<>();
    for (PlanDocument.ActionCardDoc card : axis.actionCards()) {
      cards.add(cardProgress(byCard, card, asOf, sex, territory));
    }
    RollUp rollUp = RollUps.axis(cards.stream().map(LevelProgress::progress).toList());
    return new LevelProgress("axis", axis.code(), axis.name(), asOf, rollUp, cards);
  }

  private LevelProgress cardProgress(
      Map<String, List<IndicatorDoc>> byCard,
      PlanDocument.ActionCardDoc card,
      LocalDate asOf,
      Sex sex,
      String territory)
      throws SQLException {
    List<IndicatorProgress> cells = new ArrayList<>();
    for (IndicatorDoc i : byCard.getOrDefault(card.code(), List.of())) {
      if (sex == Sex._T || i.disaggregations().sex()) {
        cells.add(indicator(i.code(), asOf, sex, territory));
      }
    }
    RollUp rollUp = RollUps.card(cells.stream().map(IndicatorProgress::progress).toList());
    return new LevelProgress("action", card.code(), card.title(), asOf, rollUp, cells);
  }

  /** The plan's indicators by the code of the card they follow, read once per answer. */
  private Map<String, List<IndicatorDoc>> byCard(String plan) {
    Map<String, List<IndicatorDoc>> byCard = new HashMap<>();
    for (IndicatorDoc i : indicators.list(plan)) {
      if (i.actionCard() != null) {
        byCard.computeIfAbsent(i.actionCard().code(), k -> new ArrayList<>()).add(i);
      }
    }
    return byCard;
  }

  private static TargetSeries series(IndicatorDoc.TargetDoc t) {
    List<Point> milestones =
        t.milestones().stream()
            .sorted(Comparator.comparing(IndicatorDoc.Point::period))
            .map(m -> new Point(m.period(), m.value().doubleValue()))
            .toList();
    return new TargetSeries(
        new Point(t.baseline().period(), t.baseline().value().doubleValue()),
        milestones,
        new Point(t.target().period(), t.target().value().doubleValue()));
  }
}
