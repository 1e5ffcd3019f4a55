package org.atalaya.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** Horizontal bars by territory, the target as a vertical line, suppressed rows hatched. */
final class TerritoryBarPlot {
  private TerritoryBarPlot() {}

  static CategoryPlot plot(TerritoryBarChart spec, Formats f) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String key = spec.meta().unit();
    spec.bars().forEach(b -> data.addValue(b.value(), key, b.territory()));

    NumberAxis values = new NumberAxis(spec.meta().unit());
    values.setNumberFormatOverride(f.numberFormat());
    values.setUpperMargin(0.15);
    if (f.whole()) {
      values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(f.locale));
    }
    // Every shown bar at zero (the rest withheld) leaves no range: ticks of 0 up to 1, not a row
    // of "0"s.
    if (spec.bars().stream().allMatch(b -> b.value() == null || b.value() == 0)) {
      values.setAutoRange(false);
      values.setRange(0, 1);
    }
    CategoryAxis territories = new CategoryAxis();
    territories.setCategoryMargin(0.25);
    territories.setMaximumCategoryLabelWidthRatio(0.4f);

    BarRenderer bars = new Bars(f.text("chart.suppressed"));
    bars.setSeriesPaint(0, Palette.BLUE);
    bars.setDrawBarOutline(false);
    bars.setShadowVisible(false);
    bars.setMaximumBarWidth(0.08);
    bars.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}", f.numberFormat()));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(Theme.SMALL);
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

    CategoryPlot plot = new CategoryPlot(data, territories, values, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlineStroke(Theme.GRID);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    if (spec.target() != null) {
      plot.addRangeMarker(target(spec.target(), f), Layer.FOREGROUND);
      if (spec.target() > values.getUpperBound()) {
        values.setUpperBound(spec.target() * 1.1);
      }
    }
    return plot;
  }

  static ValueMarker target(double value, Formats f) {
    ValueMarker marker = new ValueMarker(value, Palette.BLACK, Theme.TARGET);
    marker.setLabel(f.text("chart.targetValue", f.number(value)));
    marker.setLabelFont(Theme.SMALL);
    marker.setLabelPaint(Palette.TEXT);
    marker.setLabelBackgroundColor(java.awt.Color.WHITE);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
    return marker;
  }

  /** Bars that draw a suppressed territory's row as suppressed instead of skipping it. */
  private static final class Bars extends BarRenderer {
    private final String suppressed;

    Bars(String suppressed) {
      this.suppressed = suppressed;
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      if (dataset.getValue(row, column) != null) {
        super.drawItem(
            g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        return;
      }
      if (pass != 0) {
        return;
      }
      double middle =
          domainAxis.getCategoryMiddle(
              column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
      double width = Math.max(state.getBarWidth(), 14);
      // Only as long as its word: a band across the plot would read as the largest value.
      g2.setFont(Theme.NOTE);
      double length =
          Math.min(dataArea.getWidth(), g2.getFontMetrics().stringWidth(suppressed) + 16);
      SuppressedMark.draw(
          g2,
          new Rectangle2D.Double(dataArea.getMinX(), middle - width / 2, length, width),
          suppressed);
    }
  }
}
