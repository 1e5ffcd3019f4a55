package org.atalaya.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.EstimateChart;
import org.atalaya.chart.ReliabilityMark;
import org.atalaya.survey.EstimateMaps;
import org.atalaya.survey.IndicatorCells;
import org.atalaya.survey.SurveyResults;

/**
 * Survey-fed indicators: the latest published wave up to the cut-off, every cell with its 95 %
 * interval, sample size and reliability; a cell below the publication threshold shows the mark and
 * no figure, in the table, the chart and the open data alike.
 */
final class SurveyBlocks {
  private final ReportFacts facts;
  private final Figures f;
  private final ReportCharts charts;

  SurveyBlocks(ReportFacts facts, Figures f, ReportCharts charts) {
    this.facts = facts;
    this.f = f;
    this.charts = charts;
  }

  List<ReportModel.SurveyBlock> blocks() {
    List<ReportModel.SurveyBlock> out = new ArrayList<>();
    for (var i : facts.indicators()) {
      if (i.survey().isEmpty()) {
        continue;
      }
      LocalDate last = i.survey().get(i.survey().size() - 1).periodStart();
      List<IndicatorCells.CellInterval> wave =
          i.survey().stream().filter(c -> c.periodStart().equals(last)).toList();
      List<ReportModel.Estimate> rows = new ArrayList<>();
      List<EstimateChart.Estimate> marks = new ArrayList<>();
      for (IndicatorCells.CellInterval c : wave) {
        String place = place(c.territory());
        String sex = f.t("report.sex." + c.sex());
        boolean low = "WEAKLY_RELIABLE".equals(c.reliability());
        rows.add(
            new ReportModel.Estimate(
                place + " · " + sex,
                c.suppressed() ? "" : f.value(i.doc().kind(), c.value()),
                c.suppressed() ? "" : f.value(i.doc().kind(), c.ciLower()),
                c.suppressed() ? "" : f.value(i.doc().kind(), c.ciUpper()),
                f.count(c.n()),
                c.suppressed()
                    ? f.t("report.survey.suppressed")
                    : f.t("report.survey.reliability." + c.reliability()),
                low,
                c.suppressed()));
        if (!"_T".equals(c.territory())) {
          continue; // the chart shows the district by sex; the table has every corregimiento
        }
        if (c.suppressed()) {
          marks.add(EstimateChart.Estimate.suppressed(place, sex));
        } else if (c.value() != null && c.ciLower() != null && c.ciUpper() != null) {
          marks.add(
              new EstimateChart.Estimate(
                  place,
                  sex,
                  c.value(),
                  c.ciLower(),
                  c.ciUpper(),
                  low ? ReliabilityMark.LOW_PRECISION : ReliabilityMark.RELIABLE));
        }
      }
      String source = f.t("report.survey.source", wave.get(0).wave());
      out.add(
          new ReportModel.SurveyBlock(
              i.code(),
              i.doc().name(),
              i.doc().unit(),
              wave.get(0).wave(),
              rows,
              charts.survey(i, marks, source),
              map(i)));
    }
    return out;
  }

  /**
   * The wave's estimate by corregimiento (both sexes) as the survey page maps it, with its table:
   * each corregimiento's estimate, interval, n, CV and reliability; null without outlines.
   */
  private ReportModel.Chart map(ReportFacts.IndicatorFacts i) {
    SurveyResults.WaveMap source = i.surveyMap();
    if (source == null || source.places().isEmpty()) {
      return null;
    }
    List<IndicatorCells.CellInterval> places = source.places();
    var meta =
        new ChartMeta(
            f.t("report.survey.map", i.doc().name(), source.wave()),
            i.doc().unit(),
            f.t("web.surveys.source", source.survey(), source.wave()),
            source.periodEnd(),
            ReportCharts.style(i.doc().kind()));
    ChoroplethMap spec =
        EstimateMaps.of(
            facts.shapes(),
            places.stream()
                .map(
                    c ->
                        c.suppressed() || c.value() == null
                            ? new EstimateMaps.Place(c.territory(), null, true, false)
                            : new EstimateMaps.Place(
                                c.territory(),
                                c.value(),
                                false,
                                !"RELIABLE".equals(c.reliability())))
                .toList(),
            meta,
            f.date(source.periodStart()) + " – " + f.date(source.periodEnd()),
            f.locale);
    if (spec == null) {
      return null;
    }
    ReportModel.Chart drawn = charts.draw(spec, ReportCharts.MAP_HEIGHT);
    List<List<String>> rows = new ArrayList<>();
    for (IndicatorCells.CellInterval c : places) {
      boolean hidden = c.suppressed() || c.value() == null;
      rows.add(
          List.of(
              place(c.territory()),
              hidden ? f.t("report.mark.suppressed") : f.value(i.doc().kind(), c.value()),
              hidden || c.ciLower() == null || c.ciUpper() == null
                  ? ""
                  : f.value(i.doc().kind(), c.ciLower())
                      + " – "
                      + f.value(i.doc().kind(), c.ciUpper()),
              f.count(c.n()),
              hidden || c.cv() == null ? "" : f.percent(c.cv()),
              hidden
                  ? f.t("report.survey.suppressed")
                  : f.t("report.survey.reliability." + c.reliability())));
    }
    return new ReportModel.Chart(
        drawn.title(),
        drawn.svg(),
        drawn.alt(),
        List.of(
            f.t("report.col.territory"),
            f.t("report.col.estimate"),
            f.t("report.col.interval"),
            "n",
            f.t("report.col.cv"),
            f.t("report.col.reliability")),
        rows);
  }

  private String place(String territory) {
    return "_T".equals(territory)
        ? facts.plan().territoryName()
        : facts.plan().placeNames().getOrDefault(territory, territory);
  }
}
