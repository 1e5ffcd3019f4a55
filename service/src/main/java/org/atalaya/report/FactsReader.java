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
import org.atalaya.execution.Execution;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.progress.CellProgress;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Figure;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.publication.SmallAreas;
import org.atalaya.risk.RiskMap;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.IndicatorCells;
import org.atalaya.survey.SurveyResults;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * Reads a report's facts from the publication layer, as a signed-in reader sees them: a draft shows
 * provisional figures marked, and publishing is refused while any is left (so the published report
 * holds validated figures only, as the public site does).
 *
 * <p>Reads a report's facts: the plan's progress as the progress API gives it, each indicator's
 * series, its breakdowns by sex and by corregimiento, and its published survey cells.
 */
@Singleton
class FactsReader {
  private static final Audience DRAFT = Audience.STAFF;

  private final PlanService plans;
  private final Publication publication;
  private final IndicatorService indicators;
  private final TerritoryService territories;
  private final IndicatorCells surveyCells;
  private final String surveyScheme;
  private final String reportsUrl;
  private final Execution execution;
  private final SmallAreas smallAreas;
  private final BoundaryService boundaries;
  private final RiskMap risk;
  private final SurveyResults surveyResults;

  FactsReader(
      PlanService plans,
      Publication publication,
      IndicatorService indicators,
      TerritoryService territories,
      IndicatorCells surveyCells,
      @Value("${atalaya.survey.reliability.scheme:INE_CHILE}") String surveyScheme,
      @Value("${atalaya.public-url:http://localhost:8080}") String publicUrl,
      Execution execution,
      SmallAreas smallAreas,
      BoundaryService boundaries,
      RiskMap risk,
      SurveyResults surveyResults) {
    this.surveyResults = surveyResults;
    this.risk = risk;
    this.smallAreas = smallAreas;
    this.boundaries = boundaries;
    this.execution = execution;
    this.plans = plans;
    this.publication = publication;
    this.indicators = indicators;
    this.territories = territories;
    this.surveyCells = surveyCells;
    this.surveyScheme = surveyScheme;
    this.reportsUrl = publicUrl.replaceAll("/+$", "") + "/informes";
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
    Publication.Level tree = publication.plan(planCode, asOf, Sex._T, null, DRAFT);
    Map<String, IndicatorDoc> docs =
        indicators.list(planCode).stream()
            .collect(Collectors.toMap(IndicatorDoc::code, Function.identity()));
    List<ReportFacts.IndicatorFacts> facts = new ArrayList<>();
    boolean hasData = false;
    for (Publication.Level axis : tree.children()) {
      for (Publication.Level card : axis.children()) {
        for (Publication.Cell cell : card.indicators()) {
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
        plan,
        period,
        tree,
        facts,
        publication.smallCountThreshold(),
        surveyScheme,
        hasData,
        reportsUrl,
        execution.all(plan.code(), true, asOf),
        boundaries.childrenOf(district.code()),
        risk.hasReports() ? risk.counts(district.code(), period.start(), asOf) : null);
  }

  private ReportFacts.IndicatorFacts indicator(
      IndicatorDoc doc,
      String axis,
      String card,
      Publication.Cell total,
      LocalDate asOf,
      List<Territory> places)
      throws SQLException {
    var series = series(doc.code(), Sex._T, asOf);
    Map<Sex, List<ReportFacts.Obs>> bySexSeries = new EnumMap<>(Sex.class);
    List<ReportFacts.Part> bySex = new ArrayList<>();
    if (doc.disaggregations().sex()) {
      for (Sex sex : List.of(Sex.F, Sex.M)) {
        bySexSeries.put(sex, series(doc.code(), sex, asOf));
        bySex.add(part(publication.cell(doc.code(), asOf, sex, null, DRAFT)));
      }
    }
    List<ReportFacts.Part> byPlace = new ArrayList<>();
    if (doc.disaggregations().territory()) {
      for (Territory t : places) {
        byPlace.add(part(publication.cell(doc.code(), asOf, Sex._T, t.code(), DRAFT)));
      }
    }
    List<IndicatorCells.CellInterval> survey =
        surveyCells.forIndicator(doc.code(), true).stream()
            .filter(c -> !c.periodStart().isAfter(asOf))
            .toList();
    // A report is read by everyone: a rate's small counts by corregimiento are withheld in it.
    SmallAreas.Table rates =
        doc.disaggregations().territory()
            ? smallAreas.of(doc.code(), asOf, Sex._T, null, DRAFT, true)
            : null;
    SurveyResults.WaveMap wave =
        survey.isEmpty()
            ? null
            : surveyResults
                .placesForIndicator(doc.code(), survey.get(survey.size() - 1).wave())
                .orElse(null);
    return new ReportFacts.IndicatorFacts(
        doc, axis, card, total, series, bySexSeries, bySex, byPlace, survey, rates, wave);
  }

  /** A series up to the cut-off, as the publication layer gives it (small counts withheld). */
  private List<ReportFacts.Obs> series(String code, Sex sex, LocalDate asOf) throws SQLException {
    List<ReportFacts.Obs> out = new ArrayList<>();
    for (Figure f : publication.series(code, sex, null, asOf, DRAFT)) {
      if (f.mark() == Mark.NO_DATA) {
        continue;
      }
      boolean hide = f.mark() == Mark.WITHHELD;
      out.add(
          new ReportFacts.Obs(
              f.start(), f.period(), f.value(), hide, f.mark() != Mark.PROVISIONAL));
    }
    return out;
  }

  /** A place's or a sex's latest value; a withheld one has none and says so. */
  private static ReportFacts.Part part(Publication.Cell cell) {
    CellProgress p = cell.progress();
    return switch (cell.mark()) {
      case NO_DATA -> new ReportFacts.Part(cell.sex(), cell.territory(), null, null, null, false);
      case WITHHELD ->
          new ReportFacts.Part(cell.sex(), cell.territory(), cell.period(), null, null, true);
      case SHOWN, PROVISIONAL ->
          new ReportFacts.Part(
              cell.sex(), cell.territory(), p.latest().date(), null, p.latest().value(), false);
    };
  }
}
