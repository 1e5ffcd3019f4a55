package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.indicator.Sex;
import org.atalaya.indicator.TargetRules;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.measurement.SeriesReader;
import org.atalaya.shared.ApiException;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * "How are we doing?" for an indicator, an action card, an axis or the plan, as of a date, for one
 * sex and territory: reads the official series and the target that applies to each cell — for a
 * whole plan in a handful of queries, from the rollup of the parts ({@link SeriesReader}) — and
 * hands them to the {@link ProgressEngine}; levels above the indicator are {@link RollUps}.
 */
@Singleton
class ProgressService {
  private final ProgressInputs inputs;
  private final SeriesReader series;
  private final TerritoryService territories;
  private final PlanOutline outlines;

  ProgressService(
      ProgressInputs inputs,
      SeriesReader series,
      TerritoryService territories,
      PlanOutline outlines) {
    this.inputs = inputs;
    this.series = series;
    this.territories = territories;
    this.outlines = outlines;
  }

  @Serdeable
  record IndicatorProgress(
      String indicator,
      String name,
      String unit,
      Sex sex,
      String territory,
      String source,
      org.atalaya.indicator.IndicatorKind kind,
      boolean wholeDistrict,
      boolean targetInherited,
      boolean derivedTarget,
      boolean latestProvisional,
      @Nullable Double latestNumerator,
      @Nullable LocalDate baselineAfterAsOf,
      CellProgress progress)
      implements ProgressNode {
    @Override
    public <R> R match(Function<LevelProgress, R> level, Function<IndicatorProgress, R> indicator) {
      return indicator.apply(this);
    }
  }

  /** A plan, an axis or an action card: its roll-up and its children, levels or indicators. */
  @Serdeable
  record LevelProgress(
      String level,
      String code,
      String name,
      LocalDate asOf,
      RollUp progress,
      List<ProgressNode> children)
      implements ProgressNode {
    LevelProgress {
      children = List.copyOf(children);
    }

    @Override
    public <R> R match(Function<LevelProgress, R> level, Function<IndicatorProgress, R> indicator) {
      return level.apply(this);
    }
  }

  /**
   * How a question reads the figures: whether figures not yet validated count (without them a
   * period holding one is left out, as the public sees it), and whether a cut-off before a cell's
   * baseline is refused (the API's 400) or the cell is assessed without its target and says so
   * ({@link IndicatorProgress#baselineAfterAsOf}), as pages need.
   */
  record Reading(boolean provisional, boolean strict) {
    static final Reading API = new Reading(true, true);

    static Reading pages(boolean provisional) {
      return new Reading(provisional, false);
    }
  }

  IndicatorProgress indicator(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, Reading reading)
      throws SQLException {
    List<ProgressInputs.Subject> subject = inputs.ofIndicator(code);
    if (subject.isEmpty()) {
      throw ApiException.notFound("indicator", code);
    }
    return assess(subject, asOf, sex, territory, reading).get(code);
  }

  /** Every subject's progress by indicator code, in the subjects' order. */
  private Map<String, IndicatorProgress> assess(
      List<ProgressInputs.Subject> subjects,
      LocalDate asOf,
      Sex sex,
      @Nullable String territory,
      Reading reading)
      throws SQLException {
    Territory asked = territory == null ? null : territories.require(territory);
    Map<Long, List<ProgressInputs.Subject>> byPlace = new LinkedHashMap<>();
    for (ProgressInputs.Subject s : subjects) {
      if (s.sourceId() == null) {
        throw ApiException.notFound("source", "OFICIAL");
      }
      Long place = asked != null ? asked.id() : s.district();
      if (place == null) {
        throw ApiException.invalid("territory", "NotBlank");
      }
      byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(s);
    }
    Map<String, IndicatorProgress> result = new LinkedHashMap<>();
    for (var group : byPlace.entrySet()) {
      long place = group.getKey();
      String placeCode = territories.byId(place).map(Territory::code).orElseThrow();
      List<SeriesReader.Ref> refs =
          group.getValue().stream().map(ProgressInputs.Subject::ref).toList();
      var points = series.read(refs, sex.name(), place, null, asOf);
      for (ProgressInputs.Subject s : group.getValue()) {
        List<MeasurementQueries.Point> shown =
            points.get(s.ref()).stream()
                .filter(p -> reading.provisional() || p.validated())
                .toList();
        result.put(s.code(), progress(s, shown, asOf, sex, place, placeCode, reading.strict()));
      }
    }
    return result;
  }

  private static IndicatorProgress progress(
      ProgressInputs.Subject s,
      List<MeasurementQueries.Point> points,
      LocalDate asOf,
      Sex sex,
      long place,
      String placeCode,
      boolean strict) {
    List<Point> observations =
        points.stream()
            .filter(p -> p.value() != null)
            .map(p -> new Point(p.start(), p.value().doubleValue()))
            .toList();
    Set<Long> districts =
        s.targets().stream()
            .filter(ProgressInputs.TargetRow::districtWide)
            .map(ProgressInputs.TargetRow::territoryId)
            .collect(Collectors.toSet());
    var applicable =
        TargetRules.applicable(
            s.facts().kind(),
            s.targets(),
            ProgressInputs.TargetRow::sex,
            ProgressInputs.TargetRow::territoryId,
            sex,
            place,
            districts::contains);
    boolean inherited = applicable.map(TargetRules.Applicable::inherited).orElse(false);
    TargetSeries target =
        applicable
            .map(
                a -> {
                  var t = a.target();
                  var own = new TargetSeries(t.baseline(), t.milestones(), t.target());
                  return a.inherited() ? DerivedTargets.derive(own, observations) : own;
                })
            .orElse(null);
    CellProgress progress;
    LocalDate baselineAfterAsOf = null;
    try {
      progress = ProgressEngine.assess(new Cell(s.facts(), target, observations), asOf);
    } catch (AsOfBeforeBaselineException e) {
      if (strict) {
        throw new ApiException(
            io.micronaut.http.HttpStatus.BAD_REQUEST,
            "problem.invalid",
            List.of(new ApiException.FieldError("asOf", "asOfBeforeBaseline", e.baselinePeriod())));
      }
      // A page for an earlier date still shows the cell, without judging it: its plan had not
      // started to count yet.
      baselineAfterAsOf = target.baseline().date();
      progress = ProgressEngine.assess(new Cell(s.facts(), null, observations), asOf);
    }
    LocalDate latestDay = progress.latest() == null ? null : progress.latest().date();
    MeasurementQueries.Point latest =
        latestDay == null
            ? null
            : points.stream()
                .filter(p -> p.value() != null && !p.start().isAfter(latestDay))
                .reduce((a, b) -> b)
                .orElse(null);
    return new IndicatorProgress(
        s.code(),
        s.name(),
        s.unit(),
        sex,
        placeCode,
        s.source(),
        s.facts().kind(),
        s.district() != null && s.district() == place,
        inherited,
        inherited && target != null,
        latest != null && !latest.validated(),
        latest == null || latest.numerator() == null ? null : latest.numerator().doubleValue(),
        baselineAfterAsOf,
        progress);
  }

  LevelProgress card(
      String plan, String card, LocalDate asOf, Sex sex, String territory, Reading reading)
      throws SQLException {
    for (PlanOutline.Axis axis : outline(plan).axes()) {
      for (PlanOutline.Card c : axis.cards()) {
        if (c.code().equals(card)) {
          return cardProgress(byCard(plan, Set.of(card), asOf, sex, territory, reading), c, asOf);
        }
      }
    }
    throw ApiException.notFound("action", card);
  }

  LevelProgress axis(
      String plan, String axisCode, LocalDate asOf, Sex sex, String territory, Reading reading)
      throws SQLException {
    PlanOutline.Axis axis =
        outline(plan).axes().stream()
            .filter(a -> a.code().equals(axisCode))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("axis", axisCode));
    Set<String> cards =
        axis.cards().stream().map(PlanOutline.Card::code).collect(Collectors.toSet());
    return axisProgress(byCard(plan, cards, asOf, sex, territory, reading), axis, asOf);
  }

  LevelProgress plan(String plan, LocalDate asOf, Sex sex, String territory, Reading reading)
      throws SQLException {
    PlanOutline.Plan outline = outline(plan);
    Map<String, List<IndicatorProgress>> byCard = byCard(plan, null, asOf, sex, territory, reading);
    List<LevelProgress> axes = new ArrayList<>();
    for (PlanOutline.Axis axis : outline.axes()) {
      axes.add(axisProgress(byCard, axis, asOf));
    }
    RollUp rollUp = RollUps.plan(axes.stream().map(LevelProgress::progress).toList());
    return new LevelProgress("plan", plan, outline.name(), asOf, rollUp, List.copyOf(axes));
  }

  private PlanOutline.Plan outline(String plan) throws SQLException {
    return outlines.of(plan).orElseThrow(() -> ApiException.notFound("plan", plan));
  }

  private static LevelProgress axisProgress(
      Map<String, List<IndicatorProgress>> byCard, PlanOutline.Axis axis, LocalDate asOf) {
    List<LevelProgress> cards = new ArrayList<>();
    for (PlanOutline.Card card : axis.cards()) {
      cards.add(cardProgress(byCard, card, asOf));
    }
    RollUp rollUp = RollUps.axis(cards.stream().map(LevelProgress::progress).toList());
    return new LevelProgress("axis", axis.code(), axis.name(), asOf, rollUp, List.copyOf(cards));
  }

  private static LevelProgress cardProgress(
      Map<String, List<IndicatorProgress>> byCard, PlanOutline.Card card, LocalDate asOf) {
    List<IndicatorProgress> cells = byCard.getOrDefault(card.code(), List.of());
    RollUp rollUp = RollUps.card(cells.stream().map(IndicatorProgress::progress).toList());
    return new LevelProgress("action", card.code(), card.title(), asOf, rollUp, List.copyOf(cells));
  }

  /**
   * The progress of the plan's indicators (those of {@code cards}, or all when null) by card, in
   * one pass; an indicator without women and men is left out of a question about one sex.
   */
  private Map<String, List<IndicatorProgress>> byCard(
      String plan,
      @Nullable Set<String> cards,
      LocalDate asOf,
      Sex sex,
      String territory,
      Reading reading)
      throws SQLException {
    List<ProgressInputs.Subject> subjects =
        inputs.ofPlan(plan).stream()
            .filter(s -> cards == null || cards.contains(s.card()))
            .filter(s -> sex == Sex._T || s.bySex())
            .toList();
    Map<String, IndicatorProgress> assessed = assess(subjects, asOf, sex, territory, reading);
    Map<String, List<IndicatorProgress>> byCard = new HashMap<>();
    for (ProgressInputs.Subject s : subjects) {
      byCard.computeIfAbsent(s.card(), k -> new ArrayList<>()).add(assessed.get(s.code()));
    }
    return byCard;
  }
}
