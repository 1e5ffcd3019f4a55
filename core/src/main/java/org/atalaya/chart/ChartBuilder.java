package org.atalaya.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;

/** Turns a chart spec into something to draw, themed and framed with its title and sources. */
final class ChartBuilder {
  private ChartBuilder() {}

  static Drawing drawing(ChartSpec spec, Formats f) {
    if (spec instanceof SmallMultiplesChart s) {
      return (g2, area) -> SmallMultiples.draw(s, f, g2, area);
    }
    if (spec instanceof ChoroplethMap m) {
      return (g2, area) -> ChoroplethDrawing.draw(m, f, g2, area);
    }
    return chart(spec, f)::draw;
  }

  static JFreeChart chart(ChartSpec spec, Formats f) {
    if (spec instanceof TimeSeriesChart t) {
      return framed(TimeSeriesPlot.plot(t, f), t.meta(), f);
    }
    if (spec instanceof TerritoryBarChart b) {
      JFreeChart chart = framed(TerritoryBarPlot.plot(b, f), b.meta(), f);
      // One series, named on the axis, and the target labelled where it is drawn.
      chart.removeLegend();
      return chart;
    }
    if (spec instanceof BulletChart b) {
      return framed(BulletPlot.plot(b, f), b.meta(), f);
    }
    if (spec instanceof EstimateChart e) {
      JFreeChart chart = framed(EstimatePlot.plot(e, f), e.meta(), f);
      String note = f.text("chart.intervalNote", f.percent(e.level()));
      if (EstimatePlot.anyLowPrecision(e)) {
        note += " " + f.text("chart.lowPrecisionNote");
      }
      Decorations.note(chart, note);
      return chart;
    }
    throw new IllegalArgumentException("not a single chart: " + spec.getClass().getSimpleName());
  }

  /** A small multiple's panel: a compact chart with its own title, no legend and no footer. */
  static JFreeChart panel(Plot plot) {
    JFreeChart chart = new JFreeChart(null, Theme.PANEL_TITLE, plot, false);
    Theme.apply(chart);
    return chart;
  }

  private static JFreeChart framed(Plot plot, ChartMeta meta, Formats f) {
    JFreeChart chart = new JFreeChart(null, Theme.TITLE, plot, true);
    Theme.apply(chart);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    Decorations.frame(chart, meta, f);
    return chart;
  }
}
