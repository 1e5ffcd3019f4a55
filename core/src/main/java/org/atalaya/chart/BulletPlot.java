package org.atalaya.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bullet rows: a grey band up to the target, the value as a bar in its status colour, a thin line
 * where the trajectory expects the value by now, a black tick at the target, and the value with the
 * status' mark and name to the right.
 */
final class BulletPlot {
  private static final BasicStroke TARGET_TICK = new BasicStroke(3f);
  private static final BasicStroke EXPECTED_TICK = new BasicStroke(1.5f);

  private BulletPlot() {}

  static CategoryPlot plot(BulletChart spec, Formats f) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    spec.rows().forEach(r -> data.addValue(r.value(), "value", r.label()));
    NumberAxis values = new NumberAxis(spec.meta().unit());
    values.setNumberFormatOverride(f.numberFormat());
    double[] span = span(spec.rows());
    // Room on the right for the value and status written after each row.
    values.setRange(span[0], span[1] + (span[1] - span[0]) * 0.45);
    CategoryAxis rows = new CategoryAxis();
    rows.setCategoryMargin(0.35);
    rows.setMaximumCategoryLabelWidthRatio(0.35f);
    CategoryPlot plot = new CategoryPlot(data, rows, values, new Bullets(spec.rows(), f));
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlineStroke(Theme.GRID);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setFixedLegendItems(legend(f));
    return plot;
  }

  private static double[] span(List<BulletChart.Row> rows) {
    double min = 0;
    double max = 0;
    for (BulletChart.Row r : rows) {
      for (Double d : Stream.of(r.value(), r.expected(), r.target()).toList()) {
        if (d != null) {
          min = Math.min(min, d);
          max = Math.max(max, d);
        }
      }
    }
    return new double[] {min, max == min ? min + 1 : max};
  }

  private static LegendItemCollection legend(Formats f) {
    LegendItemCollection items = new LegendItemCollection();
    items.add(
        new LegendItem(
            f.text("chart.target"), null, null, null, tick(9), TARGET_TICK, Palette.BLACK));
    items.add(
        new LegendItem(
            f.text("chart.expected"), null, null, null, tick(7), EXPECTED_TICK, Palette.TEXT));
    items.add(
        new LegendItem(
            f.text("chart.targetRange"),
            null,
            null,
            null,
            new Rectangle2D.Double(-6, -5, 12, 10),
            Palette.BAND));
    return items;
  }

  private static Shape tick(double half) {
    return new Line2D.Double(0, -half, 0, half);
  }

  private static final class Bullets extends BarRenderer {
    private final List<BulletChart.Row> rows;
    private final Formats f;

    Bullets(List<BulletChart.Row> rows, Formats f) {
      this.rows = rows;
      this.f = f;
      setMaximumBarWidth(0.12);
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D area,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      if (pass != 0) {
        return;
      }
      BulletChart.Row r = rows.get(column);
      RectangleEdge edge = plot.getRangeAxisEdge();
      double y =
          domainAxis.getCategoryMiddle(
              column, dataset.getColumnCount(), area, plot.getDomainAxisEdge());
      double h = Math.max(state.getBarWidth(), 12);
      double zero = rangeAxis.valueToJava2D(0, area, edge);
      double right = zero;
      if (r.target() != null) {
        double t = rangeAxis.valueToJava2D(r.target(), area, edge);
        g2.setPaint(Palette.BAND);
        g2.fill(horizontal(zero, t, y, h));
        right = Math.max(right, t);
      }
      StatusStyle style = StatusStyle.of(r.status());
      if (r.value() != null) {
        double v = rangeAxis.valueToJava2D(r.value(), area, edge);
        g2.setPaint(style.color());
        g2.fill(horizontal(zero, v, y, h * 0.45));
        right = Math.max(right, v);
      }
      if (r.expected() != null) {
        double e = rangeAxis.valueToJava2D(r.expected(), area, edge);
        g2.setPaint(Palette.TEXT);
        g2.setStroke(EXPECTED_TICK);
        g2.draw(new Line2D.Double(e, y - h * 0.35, e, y + h * 0.35));
        right = Math.max(right, e);
      }
      if (r.target() != null) {
        double t = rangeAxis.valueToJava2D(r.target(), area, edge);
        g2.setPaint(Palette.BLACK);
        g2.setStroke(TARGET_TICK);
        g2.draw(new Line2D.Double(t, y - h * 0.5, t, y + h * 0.5));
      }
      String text =
          r.value() == null
              ? f.text(style.labelKey())
              : f.number(r.value()) + " · " + f.text(style.labelKey());
      style.draw(g2, right + 12, y, text);
    }

    private static Rectangle2D horizontal(double x0, double x1, double y, double h) {
      return new Rectangle2D.Double(Math.min(x0, x1), y - h / 2, Math.abs(x1 - x0), h);
    }
  }
}
