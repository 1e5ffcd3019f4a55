package org.atalaya.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Estimates as dots with their confidence interval as a line with end caps, one row per group and
 * one dot per subgroup; a low-precision estimate has a hollow dot, a suppressed one a hatched slot.
 */
final class EstimatePlot {
  private static final BasicStroke WHISKER = new BasicStroke(1.6f);
  private static final double CAP = 4;

  private EstimatePlot() {}

  static CategoryPlot plot(EstimateChart spec, Formats f) {
    List<String> groups = spec.groups();
    List<String> subgroups = spec.subgroups();
    EstimateChart.Estimate[][] grid = new EstimateChart.Estimate[subgroups.size()][groups.size()];
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String s : subgroups) {
      for (String g : groups) {
        data.addValue(null, s, g);
      }
    }
    double min = 0;
    double max = 0;
    for (EstimateChart.Estimate e : spec.estimates()) {
      grid[subgroups.indexOf(e.subgroup())][groups.indexOf(e.group())] = e;
      data.setValue(e.value(), e.subgroup(), e.group());
      if (e.value() != null) {
        min = Math.min(min, e.lower());
        max = Math.max(max, e.upper());
      }
    }
    NumberAxis values = new NumberAxis(spec.meta().unit());
    values.setNumberFormatOverride(f.numberFormat());
    values.setRange(min, max == min ? min + 1 : max + (max - min) * 0.05);
    CategoryAxis rows = new CategoryAxis();
    rows.setCategoryMargin(0.2);
    rows.setMaximumCategoryLabelWidthRatio(0.35f);

    Dots dots = new Dots(grid, f.text("chart.suppressed"), subgroups);
    for (int i = 0; i < subgroups.size(); i++) {
      dots.setSeriesPaint(i, Palette.series(i));
      dots.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4.5, -4.5, 9, 9));
    }
    CategoryPlot plot = new CategoryPlot(data, rows, values, dots);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlineStroke(Theme.GRID);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    return plot;
  }

  static boolean anyLowPrecision(EstimateChart spec) {
    return spec.estimates().stream()
        .anyMatch(e -> e.reliability() == ReliabilityMark.LOW_PRECISION);
  }

  private static final class Dots extends LineAndShapeRenderer {
    private final EstimateChart.Estimate[][] grid;
    private final String suppressed;
    private final List<String> subgroups;

    Dots(EstimateChart.Estimate[][] grid, String suppressed, List<String> subgroups) {
      super(false, true);
      this.grid = grid;
      this.suppressed = suppressed;
      this.subgroups = subgroups;
      setUseSeriesOffset(true);
      setItemMargin(0.25);
      setUseOutlinePaint(false);
      setDrawOutlines(true);
    }

    @Override
    public boolean getItemShapeFilled(int row, int column) {
      EstimateChart.Estimate e = grid[row][column];
      return e == null || e.reliability() != ReliabilityMark.LOW_PRECISION;
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
      EstimateChart.Estimate e = grid[row][column];
      if (e != null && pass == 0) {
        double y =
            domainAxis.getCategorySeriesMiddle(
                column,
                dataset.getColumnCount(),
                state.getVisibleSeriesIndex(row),
                state.getVisibleSeriesCount(),
                getItemMargin(),
                area,
                plot.getDomainAxisEdge());
        if (e.value() == null) {
          SuppressedMark.draw(
              g2,
              new Rectangle2D.Double(area.getMinX(), y - 7, area.getWidth(), 14),
              subgroups.get(row) + ": " + suppressed);
        } else {
          RectangleEdge edge = plot.getRangeAxisEdge();
          double lo = rangeAxis.valueToJava2D(e.lower(), area, edge);
          double hi = rangeAxis.valueToJava2D(e.upper(), area, edge);
          g2.setPaint(getItemPaint(row, column));
          g2.setStroke(WHISKER);
          g2.draw(new Line2D.Double(lo, y, hi, y));
          g2.draw(new Line2D.Double(lo, y - CAP, lo, y + CAP));
          g2.draw(new Line2D.Double(hi, y - CAP, hi, y + CAP));
        }
      }
      super.drawItem(g2, state, area, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    }
  }
}
