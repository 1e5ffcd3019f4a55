package org.atalaya.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.atalaya.execution.Execution;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.Sex;
import org.atalaya.publication.Figure;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.publication.SmallAreas;
import org.atalaya.risk.RiskMap;
import org.atalaya.survey.IndicatorCells;
import org.atalaya.survey.SurveyResults;
import org.atalaya.territory.BoundaryShape;

/**
 * Every figure a report shows, read once and in no language: the Spanish and English renderings and
 * the open data are all made from the same facts, so they cannot disagree. Small counts are already
 * withheld here (by the publication layer), so no later step can print them. {@code reportsUrl} is
 * the site's public reports page, which the brochure's back page gives with its QR code; {@code
 * execution} the physical and financial progress of every action card and project (the annex);
 * {@code shapes} the district's corregimientos' outlines for the maps (none without boundaries);
 * {@code risk} the places women reported unsafe in the period, counted (null without reports).
 */
record ReportFacts(
    Plan plan,
    ReportPeriod period,
    Publication.Level progress,
    List<IndicatorFacts> indicators,
    int smallCountThreshold,
    String surveyScheme,
    boolean hasData,
    String reportsUrl,
    List<Execution.Part> execution,
    List<BoundaryShape> shapes,
    @io.micronaut.core.annotation.Nullable RiskMap.Aggregate risk) {

  ReportFacts {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(progress, "progress");
    indicators = List.copyOf(indicators);
    execution = List.copyOf(execution);
    shapes = List.copyOf(shapes);
  }

  LocalDate asOf() {
    return period.asOf();
  }

  record Plan(
      String code,
      String name,
      String territory,
      String territoryName,
      LocalDate start,
      LocalDate end,
      String description,
      Map<String, String> placeNames) {}

  /**
   * One indicator of the plan with its district total ({@code total}, the progress API's answer),
   * its series up to the cut-off, and its breakdowns.
   *
   * @param series the district total by period, up to the cut-off
   * @param seriesBySex women's and men's series, when the indicator is broken down by sex
   * @param bySex women's and men's latest values
   * @param byTerritory each corregimiento's latest value, in code order
   * @param survey the published survey cells of waves up to the cut-off, oldest first
   * @param smallAreas a rate's table by corregimiento (small counts withheld), or null
   * @param surveyMap the question feeding it by corregimiento in the latest of {@code survey}'s
   *     waves (the survey page's map), or null
   */
  record IndicatorFacts(
      IndicatorDoc doc,
      String axis,
      String card,
      Publication.Cell total,
      List<Obs> series,
      Map<Sex, List<Obs>> seriesBySex,
      List<Part> bySex,
      List<Part> byTerritory,
      List<IndicatorCells.CellInterval> survey,
      @io.micronaut.core.annotation.Nullable SmallAreas.Table smallAreas,
      @io.micronaut.core.annotation.Nullable SurveyResults.WaveMap surveyMap) {
    IndicatorFacts {
      series = List.copyOf(series);
      seriesBySex = Map.copyOf(seriesBySex);
      bySex = List.copyOf(bySex);
      byTerritory = List.copyOf(byTerritory);
      survey = List.copyOf(survey);
    }

    String code() {
      return doc.code();
    }
  }

  /** A value of a period; a withheld one has no value. */
  record Obs(LocalDate start, String period, Double value, boolean suppressed, boolean validated) {
    Obs {
      if (suppressed && value != null) {
        throw new IllegalArgumentException("a suppressed observation carries no value");
      }
    }

    /** The figure again, for the chart builder the site uses too. */
    Figure figure() {
      Mark mark = suppressed ? Mark.WITHHELD : validated ? Mark.SHOWN : Mark.PROVISIONAL;
      return new Figure(start, period, value, mark);
    }
  }

  /** A cell of a breakdown (a sex, or a corregimiento) at its latest period. */
  record Part(
      Sex sex, String territory, LocalDate start, String period, Double value, boolean suppressed) {
    Part {
      if (suppressed && value != null) {
        throw new IllegalArgumentException("a suppressed cell carries no value");
      }
    }

    Part withheld() {
      return new Part(sex, territory, start, period, null, true);
    }
  }
}
