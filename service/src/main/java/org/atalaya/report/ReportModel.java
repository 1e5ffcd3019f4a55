package org.atalaya.report;

import java.util.List;

/**
 * A report ready to print in one language: every figure already formatted, every chart already
 * drawn, so that the templates only lay it out. Public accessors: Thymeleaf reads them by
 * reflection.
 */
public record ReportModel(
    String lang,
    Cover cover,
    boolean hasData,
    List<StatusCount> actions,
    int actionTotal,
    List<StatusCount> cells,
    List<Row> headlines,
    List<AxisSection> axes,
    List<SurveyBlock> surveys,
    List<Definition> definitions,
    List<String> methodology,
    List<Term> glossary,
    List<ExecutionRow> execution,
    RiskSection risk) {

  /**
   * Places women reported unsafe in the period, counted by corregimiento and by kind of place
   * (small counts withheld), with its map; null without reports.
   */
  public record RiskSection(
      String intro,
      String total,
      String how,
      boolean illustrative,
      Chart map,
      List<List<String>> places,
      List<List<String>> kinds) {}

  /**
   * One action card's or project's execution: activities done of those planned (cancelled ones left
   * out), physical progress beside what was planned by the date, and the budget executed.
   */
  public record ExecutionRow(
      String kind,
      String code,
      String name,
      String activities,
      String physical,
      String expected,
      String budget,
      String executed,
      String financial) {}

  public record Cover(
      String planCode,
      String planName,
      String municipality,
      String planPeriod,
      String period,
      String periodLabel,
      String asOf,
      String version) {}

  public record StatusCount(String status, String label, int count) {}

  /** An indicator's district figures: baseline, latest (and its period), change, target. */
  public record Row(
      String code,
      String name,
      String unit,
      String baseline,
      String latest,
      String latestPeriod,
      String change,
      String target,
      String expected,
      String achievement,
      String status,
      String statusLabel) {}

  public record Card(
      String code,
      String title,
      String status,
      String statusLabel,
      String achievement,
      List<Row> indicators) {}

  public record AxisSection(
      String code,
      String anchor,
      String name,
      String status,
      String statusLabel,
      String achievement,
      List<StatusCount> actions,
      List<Card> cards,
      List<Chart> charts,
      List<Breakdown> breakdowns) {

    /** The brochure's maps: those of the first indicator broken down by corregimiento. */
    public List<Chart> brochureMaps() {
      return breakdowns.stream()
          .map(Breakdown::maps)
          .filter(m -> !m.isEmpty())
          .findFirst()
          .orElse(List.of());
    }
  }

  /** A drawn chart with the words beside it: its alt text and its data as a table. */
  public record Chart(
      String title, String svg, String alt, List<String> header, List<List<String>> rows) {}

  /**
   * One indicator split by sex or by corregimiento, withheld cells marked; by corregimiento, its
   * maps (a count's, or a rate's observed and smoothed) and, for a rate, its small-areas table.
   */
  public record Breakdown(
      String code,
      String name,
      String unit,
      String dimension,
      List<Cell> cells,
      Chart chart,
      List<Chart> maps,
      RateTable rates) {}

  /** A rate by corregimiento: events, population, rates, exact interval, smoothed rate, note. */
  public record RateTable(
      String caption, List<String> header, List<List<String>> rows, String explain) {}

  public record Cell(String label, String value, String period, boolean suppressed) {}

  /**
   * A survey-fed indicator's latest wave: every cell, the chart by sex and the map by corregimiento
   * (null without outlines), whose header and rows are its table (estimate, interval, n, CV,
   * reliability), printed beside it.
   */
  public record SurveyBlock(
      String code,
      String name,
      String unit,
      String wave,
      List<Estimate> rows,
      Chart chart,
      Chart map) {}

  public record Estimate(
      String domain,
      String value,
      String lower,
      String upper,
      String n,
      String reliability,
      boolean lowPrecision,
      boolean suppressed) {}

  public record Definition(
      String code,
      String name,
      String description,
      String kind,
      String unit,
      String direction,
      String frequency,
      String accumulation,
      String numerator,
      String denominator,
      String sources,
      String disaggregations) {}

  public record Term(String term, String definition) {}
}
