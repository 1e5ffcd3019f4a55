package org.atalaya.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.chart.BulletChart;
import org.atalaya.chart.ChartDescription;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.Charts;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.EstimateChart;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.Series;
import org.atalaya.chart.SmallMultiplesChart;
import org.atalaya.chart.TerritoryBarChart;
import org.atalaya.chart.TimeSeriesChart;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.publication.FigureCharts;
import org.atalaya.publication.FigureText;
import org.atalaya.publication.SmallAreaMaps;
import org.atalaya.territory.BoundaryShape;

/**
 * The report's charts as SVG (vectors stay crisp in print), each with its alt text and data table.
 * Every chart of one document gets its own id prefix, so that the clip paths of one chart never
 * clip another when the SVGs sit inline in the same HTML page.
 */
final class ReportCharts {
  static final int WIDTH = 640;
  private final Figures f;
  private final LocalDate asOf;
  private int drawn;

  ReportCharts(Figures f, LocalDate asOf) {
    this.f = f;
    this.asOf = asOf;
  }

  ReportModel.Chart draw(ChartSpec spec, int height) {
    String prefix = "c" + (++drawn) + "-";
    // JFreeSVG quotes with ' and writes the root's size as "640.0"; openhtmltopdf wants whole
    // pixels there.
    String svg =
        Charts.svg(spec, WIDTH, height, f.locale)
            .replace("id='atalaya-", "id='" + prefix + "atalaya-")
            .replace("#atalaya-", "#" + prefix + "atalaya-")
            // A map names each territory's group by its code: unique within one document too.
            .replace("id='area-", "id='" + prefix + "area-")
            .replaceFirst("width='" + WIDTH + "\\.0'", "width='" + WIDTH + "'")
            .replaceFirst("height='" + height + "\\.0'", "height='" + height + "'");
    ChartDescription d = Charts.describe(spec, f.locale);
    return new ReportModel.Chart(spec.meta().title(), svg, d.altText(), d.header(), d.rows());
  }

  private ChartMeta meta(String title, String unit, String source, NumberStyle style) {
    return new ChartMeta(title, unit, source, asOf, style);
  }

  static NumberStyle style(IndicatorKind kind) {
    return FigureText.style(kind);
  }

  /**
   * Each indicator's achievement against its target, in percent; cells without a target left out.
   */
  ReportModel.Chart progress(String axisName, List<ReportFacts.IndicatorFacts> indicators) {
    List<BulletChart.Row> rows = new ArrayList<>();
    for (var i : indicators) {
      CellProgress p = i.total().progress();
      if (p.status() == ProgressStatus.NO_TARGET) {
        continue;
      }
      Double value = p.achievement() == null ? null : 100 * p.achievement();
      Double expected = p.expectedAchievement() == null ? null : 100 * p.expectedAchievement();
      if (p.status() == ProgressStatus.NO_DATA) {
        rows.add(new BulletChart.Row(i.code(), null, null, null, p.status()));
      } else {
        rows.add(new BulletChart.Row(i.code(), value, expected, 100.0, p.status()));
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    var meta =
        meta(
            f.t("report.chart.progress", axisName),
            f.t("report.chart.percentOfTarget"),
            f.t("report.chart.sourcePlan"),
            NumberStyle.INTEGER);
    return draw(new BulletChart(meta, rows), bulletHeight(rows.size()));
  }

  /**
   * 34 px a row under the title, legend and source (about 110 px): with less, one indicator alone
   * left its row no room and the chart came out empty.
   */
  static int bulletHeight(int rows) {
    return 140 + 34 * rows;
  }

  /** One small time series per indicator, with the line from baseline to target. */
  ReportModel.Chart trends(String axisName, List<ReportFacts.IndicatorFacts> indicators) {
    List<SmallMultiplesChart.Panel> panels = new ArrayList<>();
    for (var i : indicators) {
      CellProgress p = i.total().progress();
      List<ChartPoint> target = new ArrayList<>();
      if (p.baseline() != null && p.target() != null) {
        target.add(new ChartPoint(p.baseline().date(), p.baseline().value()));
        target.add(new ChartPoint(p.target().date(), p.target().value()));
      }
      panels.add(
          new SmallMultiplesChart.Panel(
              i.code(),
              i.doc().unit(),
              style(i.doc().kind()),
              values(i.series()),
              target,
              p.status()));
    }
    if (panels.isEmpty()) {
      return null;
    }
    var meta =
        meta(
            f.t("report.chart.trends", axisName),
            f.t("report.chart.ownUnits"),
            f.t("report.chart.sourcePlan"),
            NumberStyle.ONE_DECIMAL);
    int rows = (panels.size() + 1) / 2;
    return draw(new SmallMultiplesChart(meta, panels, 2), Math.min(900, 90 + 190 * rows));
  }

  /** The series as the publication layer gives it (already by the indicator's accumulation). */
  private static List<ChartPoint> values(List<ReportFacts.Obs> series) {
    return FigureCharts.points(series.stream().map(ReportFacts.Obs::figure).toList());
  }

  ReportModel.Chart bySex(ReportFacts.IndicatorFacts i, String source) {
    List<Series> lines = new ArrayList<>();
    for (Sex sex : List.of(Sex.F, Sex.M, Sex._U)) {
      List<ReportFacts.Obs> obs = i.seriesBySex().getOrDefault(sex, List.of());
      Series line = FigureCharts.series(sex, obs.stream().map(ReportFacts.Obs::figure).toList());
      if (line != null && (!line.points().isEmpty() || !line.withheld().isEmpty())) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    var meta =
        meta(
            f.t("report.chart.bySex", i.doc().name()),
            i.doc().unit(),
            source,
            style(i.doc().kind()));
    return draw(new TimeSeriesChart(meta, lines, null, List.of(), null), 300);
  }

  ReportModel.Chart byTerritory(
      ReportFacts.IndicatorFacts i, Map<String, String> names, String source) {
    List<TerritoryBarChart.Bar> bars = new ArrayList<>();
    for (ReportFacts.Part p : i.byTerritory()) {
      String name = names.getOrDefault(p.territory(), p.territory());
      if (p.suppressed()) {
        bars.add(TerritoryBarChart.Bar.suppressed(name));
      } else if (p.value() != null) {
        bars.add(TerritoryBarChart.Bar.of(name, p.value()));
      }
    }
    if (bars.isEmpty()) {
      return null;
    }
    Double target = FigureCharts.placeTarget(i.doc().kind(), i.total());
    var meta =
        meta(
            f.t("report.chart.byTerritory", i.doc().name()),
            i.doc().unit(),
            source,
            style(i.doc().kind()));
    return draw(new TerritoryBarChart(meta, bars, target), barsHeight(bars.size()));
  }

  /**
   * 22 px a bar under an 80 px frame, within what the chart library draws (120 to 4000 px): one
   * corregimiento alone, or a thousand, still gives a chart rather than a failed report.
   */
  static int barsHeight(int bars) {
    return Math.max(160, Math.min(4000, 80 + 22 * bars));
  }

  ReportModel.Chart survey(
      ReportFacts.IndicatorFacts i, List<EstimateChart.Estimate> estimates, String source) {
    if (estimates.isEmpty()) {
      return null;
    }
    var meta =
        meta(
            f.t("report.chart.survey", i.doc().name()),
            i.doc().unit(),
            source,
            NumberStyle.ONE_DECIMAL);
    EstimateChart chart = new EstimateChart(meta, estimates, 0.95);
    return draw(chart, chart.height());
  }

  /** 640 × 520: room for the map beside its legend, its notes and the source line. */
  static final int MAP_HEIGHT = 520;

  /**
   * A count (or a rate without its events) by corregimiento as a map, from the same parts as the
   * bar chart: withheld places hatched, places without data grey; null without outlines.
   */
  ReportModel.Chart map(ReportFacts.IndicatorFacts i, List<BoundaryShape> shapes, String source) {
    if (shapes.isEmpty()) {
      return null;
    }
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    String period = null;
    for (BoundaryShape shape : shapes) {
      ReportFacts.Part part =
          i.byTerritory().stream()
              .filter(p -> p.territory().equals(shape.code()))
              .findFirst()
              .orElse(null);
      if (part != null && part.start() != null && period == null) {
        period = f.period(i.doc().frequency(), part.start());
      }
      if (part != null && part.suppressed()) {
        areas.add(ChoroplethMap.Area.withheld(shape.code(), shape.name(), shape.rings()));
      } else if (part != null && part.value() != null) {
        areas.add(ChoroplethMap.Area.of(shape.code(), shape.name(), shape.rings(), part.value()));
      } else {
        areas.add(ChoroplethMap.Area.noData(shape.code(), shape.name(), shape.rings()));
      }
    }
    if (areas.stream().noneMatch(a -> a.fill() == ChoroplethMap.Fill.VALUE)) {
      return null;
    }
    var meta =
        meta(
            f.t("report.chart.map", i.doc().name(), period == null ? "" : period),
            i.doc().unit(),
            source,
            style(i.doc().kind()));
    boolean illustrative = shapes.stream().anyMatch(BoundaryShape::illustrative);
    return draw(new ChoroplethMap(meta, areas, 5, illustrative, null, null), MAP_HEIGHT);
  }

  /** A rate's observed and smoothed maps on one scale, from its small-areas table. */
  List<ReportModel.Chart> rateMaps(
      ReportFacts.IndicatorFacts i, List<BoundaryShape> shapes, String source) {
    List<ReportModel.Chart> out = new ArrayList<>();
    var meta = meta(i.doc().name(), i.doc().unit(), source, style(i.doc().kind()));
    for (SmallAreaMaps.Which which : SmallAreaMaps.Which.values()) {
      ChoroplethMap map =
          SmallAreaMaps.of(which, i.smallAreas(), shapes, i.doc().name(), meta, null, f.locale);
      if (map != null) {
        out.add(draw(map, MAP_HEIGHT));
      }
    }
    return out;
  }
}
