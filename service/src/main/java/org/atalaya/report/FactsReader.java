package org.atalaya.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.ProgressFacade;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.IndicatorCells;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * Reads a report's facts: the plan's progress as the progress API gives it, each indicator's
 * series, its breakdowns by sex and by corregimiento, and its published survey cells.
 */
@Singleton
class FactsReader {
  private final PlanService plans;
  private final ProgressFacade progress;
  private final IndicatorService indicators;
  private final MeasurementQueries measurements;
  private final TerritoryService territories;
  private final IndicatorCells surveyCells;
  private final SmallCounts smallCounts;
  private final String surveyScheme;

  FactsReader(
      PlanService plans,
      ProgressFacade progress,
      IndicatorService indicators,
      MeasurementQueries measurements,
      TerritoryService territories,
      IndicatorCells surveyCells,
      @Value("${atalaya.report.small-count-threshold:5}") int smallCountThreshold,
      @Value("${atalaya.survey.reliability.scheme:INE_CHILE}") String surveyScheme) {
    this.plans = plans;
    this.progress = progress;
    this.indicators = indicators;
    this.measurements = measurements;
    this.territories = territories;
    this.surveyCells = surveyCells;
    this.smallCounts = new SmallCounts(smallCountThreshold);
    this.surveyScheme = surveyScheme;
  }

  /** The plan's header; 404 for an unknown plan or a period outside the plan's years. */
  PlanDocument.Header checkPeriod(String planCode, ReportPeriod period) {
    PlanDocument.Header header = plans.document(planCode, true).plan();
    if (period.end().isBefore(header.periodStart()) || period.start().isAfter(header.periodEnd())) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "report.problem.periodOutsidePlan",
          List.of(),
          period.code(),
          planCode,
          header.periodStart().toString(),
          header.periodEnd().toString());
    }
    return header;
  }

  ReportFacts read(String planCode, ReportPeriod period) throws SQLException {
    PlanDocument.Header header = checkPeriod(planCode, period);
    LocalDate asOf = period.asOf();
    Territory district = territories.require(header.territory());
    List<Territory> places =
        territories.all().stream()
            .filter(t -> district.id().equals(t.parentId()))
            .sorted(Comparator.comparing(Territory::code))
            .toList();
    Map<String, String> names = new LinkedHashMap<>();
    names.put(district.code(), district.name());
    places.forEach(t -> names.put(t.code(), t.name()));
    var plan =
        new ReportFacts.Plan(
            header.code(),
            header.name(),
            district.code(),
            district.name(),
            header.periodStart(),
            header.periodEnd(),
            header.description() == null ? "" : header.description(),
            names);
    ProgressFacade.Level tree = progress.plan(planCode, asOf, Sex._T, null);
    Map<String, IndicatorDoc> docs =
        indicators.list(planCode).stream()
            .collect(Collectors.toMap(IndicatorDoc::code, Function.identity()));
    List<ReportFacts.IndicatorFacts> facts = new ArrayList<>();
    boolean hasData = false;
    for (ProgressFacade.Level axis : tree.children()) {
      for (ProgressFacade.Level card : axis.children()) {
        for (ProgressFacade.IndicatorCell cell : card.indicators()) {
          IndicatorDoc doc = docs.get(cell.code());
          var f = indicator(doc, axis.code(), card.code(), cell, asOf, places);
          facts.add(f);
          hasData |=
              f.series().stream().anyMatch(o -> period.contains(o.start()))
                  || f.survey().stream().anyMatch(c -> period.contains(c.periodStart()));
        }
      }
    }
    return new ReportFacts(
        plan, period, tree, facts, smallCounts.threshold(), surveyScheme, hasData);
  }

  private ReportFacts.IndicatorFacts indicator(
      IndicatorDoc doc,
      String axis,
      String card,
      ProgressFacade.IndicatorCell total,
      LocalDate asOf,
      List<Territory> places)
      throws SQLException {
    boolean count = doc.kind() == IndicatorKind.COUNT;
    var series = series(doc.code(), Sex._T, asOf, false);
    Map<Sex, List<ReportFacts.Obs>> bySexSeries = new EnumMap<>(Sex.class);
    List<ReportFacts.Part> bySex = new ArrayList<>();
    if (doc.disaggregations().sex()) {
      for (Sex sex : List.of(Sex.F, Sex.M)) {
        bySexSeries.put(sex, series(doc.code(), sex, asOf, count));
        bySex.add(part(sex, total.territory(), progress.indicator(doc.code(), asOf, sex, null)));
      }
      bySex = count ? smallCounts.apply(bySex) : bySex;
    }
    List<ReportFacts.Part> byPlace = new ArrayList<>();
    if (doc.disaggregations().territory()) {
      for (Territory t : places) {
        byPlace.add(part(Sex._T, t.code(), progress.indicator(doc.code(), asOf, Sex._T, t.code())));
      }
      byPlace = count ? smallCounts.apply(byPlace) : byPlace;
    }
    List<IndicatorCells.CellInterval> survey =
        surveyCells.forIndicator(doc.code(), true).stream()
            .filter(c -> !c.periodStart().isAfter(asOf))
            .toList();
    return new ReportFacts.IndicatorFacts(
        doc, axis, card, total, series, bySexSeries, bySex, byPlace, survey);
  }

  /** A series up to the cut-off; below the district total, small counts are withheld. */
  private List<ReportFacts.Obs> series(String code, Sex sex, LocalDate asOf, boolean guard)
      throws SQLException {
    List<ReportFacts.Obs> out = new ArrayList<>();
    for (MeasurementQueries.Point p :
        measurements.series(code, sex, null, null, null, asOf).points()) {
      if (p.value() == null) {
        continue;
      }
      double v = p.value().doubleValue();
      boolean hide = guard && smallCounts.small(v);
      out.add(new ReportFacts.Obs(p.start(), p.period(), hide ? null : v, hide, p.validated()));
    }
    return out;
  }

  private static ReportFacts.Part part(
      Sex sex, String territory, ProgressFacade.IndicatorCell cell) {
    CellProgress p = cell.progress();
    if (p.latest() == null) {
      return new ReportFacts.Part(sex, territory, null, null, null, false);
    }
    LocalDate start = p.latest().date();
    return new ReportFacts.Part(sex, territory, start, null, p.latest().value(), false);
  }
}
