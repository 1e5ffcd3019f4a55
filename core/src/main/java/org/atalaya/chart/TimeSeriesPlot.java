package org.atalaya.chart;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The plot of a time series chart: observed series on top, the target trajectory dashed in black
 * beneath them, the forecast band lightest and lowest, and the baseline as a dotted line.
 */
final class TimeSeriesPlot {
  private static final int MAX_POINTS_WITH_MARKS = 36;

  private TimeSeriesPlot() {}

  static XYPlot plot(TimeSeriesChart spec, Formats f) {
    List<ChartPoint> all = new ArrayList<>();
    spec.series().forEach(s -> all.addAll(s.points()));
    all.addAll(spec.target());
    boolean yearly = Formats.yearly(all);

    XYPlot plot = new XYPlot();
    // Periods whose every value is withheld still span the axis (a chart of gaps, never a crash).
    List<LocalDate> withheld = new ArrayList<>();
    spec.series().forEach(s -> withheld.addAll(s.withheld()));
    plot.setDomainAxis(dateAxis(f, yearly, all, withheld));
    NumberAxis values = new NumberAxis(spec.meta().unit());
    if (f.whole()) {
      values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(f.locale));
    }
    values.setNumberFormatOverride(f.numberFormat());
    values.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(values);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlineStroke(Theme.GRID);

    XYSeriesCollection observed = new XYSeriesCollection();
    java.util.Set<Long> hollow = new java.util.HashSet<>();
    XYLineAndShapeRenderer lines =
        new XYLineAndShapeRenderer(true, true) {
          @Override
          public boolean getItemShapeFilled(int series, int item) {
            return !hollow.contains(((long) series << 32) | item);
          }
        };
    int longest = 0;
    for (int i = 0; i < spec.series().size(); i++) {
      Series s = spec.series().get(i);
      XYSeries xy = xy(label(s, f), s.points());
      // A withheld period breaks the line: no value is drawn, not even one implied by a segment.
      s.withheld().forEach(d -> xy.add(Formats.millis(d), null));
      for (int item = 0; item < xy.getItemCount(); item++) {
        long x = xy.getX(item).longValue();
        for (ChartPoint p : s.points()) {
          if (p.provisional() && Formats.millis(p.period()) == x) {
            hollow.add(((long) i << 32) | item);
          }
        }
      }
      observed.addSeries(xy);
      lines.setSeriesPaint(i, colour(s, i));
      lines.setSeriesStroke(i, Theme.LINE);
      longest = Math.max(longest, s.points().size());
    }
    lines.setDefaultShapesVisible(longest <= MAX_POINTS_WITH_MARKS);
    plot.setDataset(0, observed);
    plot.setRenderer(0, lines);

    if (!spec.target().isEmpty()) {
      XYLineAndShapeRenderer target = new XYLineAndShapeRenderer(true, true);
      target.setSeriesPaint(0, Palette.BLACK);
      target.setSeriesStroke(0, Theme.TARGET);
      target.setSeriesShape(0, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
      target.setSeriesShapesFilled(0, false);
      plot.setDataset(1, new XYSeriesCollection(xy(f.text("chart.target"), spec.target())));
      plot.setRenderer(1, target);
    }
    if (spec.forecast() != null) {
      Color colour = colour(spec.series().get(spec.series().size() - 1), spec.series().size() - 1);
      plot.setDataset(2, band(spec.forecast(), f));
      plot.setRenderer(2, bandRenderer(colour));
    }
    // Every shown value at zero (a corregimiento's rate with the rest withheld) leaves no range:
    // ticks from 0 up to 1, not a column of "0.0"s.
    Range shown = plot.getDataRange(values);
    if (shown != null && shown.getLowerBound() == 0 && shown.getUpperBound() == 0) {
      values.setAutoRange(false);
      values.setRange(0, 1);
    }
    if (spec.baseline() != null) {
      plot.addRangeMarker(baseline(spec.baseline(), f, yearly), Layer.BACKGROUND);
      Range range = plot.getDataRange(values);
      double b = spec.baseline().value();
      if (range != null && !range.contains(b)) {
        values.setRange(Range.expandToInclude(range, b));
      }
    }
    return plot;
  }

  static String label(Series s, Formats f) {
    return s.sex() == null ? s.label() : f.text("chart.sex." + s.sex().name());
  }

  static Color colour(Series s, int index) {
    return s.sex() == null ? Palette.series(index) : Palette.of(s.sex());
  }

  private static XYSeries xy(String key, List<ChartPoint> points) {
    XYSeries series = new XYSeries(key, true, false);
    points.forEach(p -> series.add(Formats.millis(p.period()), p.value()));
    return series;
  }

  private static YIntervalSeriesCollection band(ForecastBand forecast, Formats f) {
    String level = f.percent(forecast.level());
    YIntervalSeries series = new YIntervalSeries(f.text("chart.forecast", level));
    forecast
        .points()
        .forEach(p -> series.add(Formats.millis(p.period()), p.mid(), p.lower(), p.upper()));
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(series);
    return dataset;
  }

  private static DeviationRenderer bandRenderer(Color colour) {
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setSeriesPaint(0, colour);
    renderer.setSeriesFillPaint(0, colour);
    renderer.setSeriesStroke(0, Theme.FORECAST);
    renderer.setAlpha(0.15f);
    return renderer;
  }

  private static ValueMarker baseline(ChartPoint baseline, Formats f, boolean yearly) {
    ValueMarker marker = new ValueMarker(baseline.value(), Palette.MUTED_TEXT, Theme.BASELINE);
    marker.setLabel(
        f.text("chart.baseline", f.period(baseline.period(), yearly), f.number(baseline.value())));
    marker.setLabelFont(Theme.SMALL);
    marker.setLabelPaint(Palette.MUTED_TEXT);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
    return marker;
  }

  /**
   * Year ticks over two years or more, month ticks below that: JFreeChart aligns multi-month ticks
   * to odd months (Feb, Apr…), which reads badly on long series.
   */
  private static DateAxis dateAxis(
      Formats f, boolean yearly, List<ChartPoint> all, List<LocalDate> withheld) {
    DateAxis axis = new DateAxis(null, Formats.UTC, f.locale);
    List<LocalDate> days = new ArrayList<>(withheld);
    all.forEach(p -> days.add(p.period()));
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a time-series chart needs at least one period");
    }
    LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
    TickUnits units = new TickUnits();
    if (yearly || ChronoUnit.MONTHS.between(first, last) >= 24) {
      for (int years : new int[] {1, 2, 5, 10, 20}) {
        units.add(new DateTickUnit(DateTickUnitType.YEAR, years, f.axisFormat(true)));
      }
    } else {
      for (int months : new int[] {1, 2, 3, 6}) {
        units.add(new DateTickUnit(DateTickUnitType.MONTH, months, f.axisFormat(false)));
      }
    }
    axis.setStandardTickUnits(units);
    axis.setLowerMargin(0.02);
    axis.setUpperMargin(0.02);
    return axis;
  }
}
