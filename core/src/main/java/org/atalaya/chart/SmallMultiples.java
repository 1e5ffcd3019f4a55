package org.atalaya.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.atalaya.progress.ProgressStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Size2D;

/**
 * A grid of small time series under one title and over one footer. Each panel has its own scale
 * (the indicators of an axis differ in unit) and its status, by shape and name, in its heading.
 */
final class SmallMultiples {
  private static final double GAP = 10;
  private static final double HEADING = 20;

  /** The height of the status's own line under a title it does not fit beside. */
  private static final double STATUS_LINE = 14;

  private SmallMultiples() {}

  static void draw(SmallMultiplesChart spec, Formats f, Graphics2D g2, Rectangle2D area) {
    g2.setPaint(Color.WHITE);
    g2.fill(area);
    double x = area.getX() + 8;
    double width = area.getWidth() - 16;
    TextTitle title = Decorations.title(spec.meta());
    double top = area.getY() + 6 + place(g2, title, x, area.getY() + 6, width);
    TextTitle footer = Decorations.footer(spec.meta(), f);
    double footerHeight = height(g2, footer, width);
    double bottom = area.getMaxY() - 4 - footerHeight;
    place(g2, footer, x, bottom, width);

    int columns = spec.columns();
    int rows = spec.rows();
    double cellWidth = (width - GAP * (columns - 1)) / columns;
    double cellHeight = (bottom - top - GAP * rows) / rows;
    List<SmallMultiplesChart.Panel> panels = spec.panels();
    for (int i = 0; i < panels.size(); i++) {
      Rectangle2D cell =
          new Rectangle2D.Double(
              x + (i % columns) * (cellWidth + GAP),
              top + GAP + (i / columns) * (cellHeight + GAP),
              cellWidth,
              cellHeight);
      panel(panels.get(i), spec.meta(), f, g2, cell);
    }
  }

  private static void panel(
      SmallMultiplesChart.Panel panel,
      ChartMeta meta,
      Formats grid,
      Graphics2D g2,
      Rectangle2D cell) {
    Formats f = new Formats(grid.locale, panel.numbers(), grid.words);
    g2.setFont(Theme.PANEL_TITLE);
    g2.setPaint(Palette.TEXT);
    g2.drawString(panel.title(), (float) cell.getX(), (float) (cell.getY() + 13));
    double titleEnd = cell.getX() + g2.getFontMetrics().stringWidth(panel.title());
    StatusStyle style =
        StatusStyle.of(panel.note() != null ? ProgressStatus.NO_TARGET : panel.status());
    String status = panel.note() != null ? panel.note() : f.text(style.labelKey());
    g2.setFont(Theme.SMALL);
    double statusX = cell.getMaxX() - g2.getFontMetrics().stringWidth(status) - 12;
    double heading = HEADING;
    if (statusX < titleEnd + 8) {
      // No room beside the title (a note, a narrow panel): the status gets its own line.
      style.draw(g2, cell.getX(), cell.getY() + 9 + STATUS_LINE, status);
      heading += STATUS_LINE;
    } else {
      style.draw(g2, statusX, cell.getY() + 9, status);
    }

    Rectangle2D plotArea =
        new Rectangle2D.Double(
            cell.getX(), cell.getY() + heading, cell.getWidth(), cell.getHeight() - heading);
    if (panel.values().isEmpty()) {
      g2.setPaint(Palette.GRID);
      g2.draw(plotArea);
      g2.setPaint(Palette.MUTED_TEXT);
      g2.setFont(Theme.NOTE);
      // Figures that arrived and are withheld are never "no data".
      g2.drawString(
          f.text(panel.withheld() != null ? "chart.map.withheld" : "chart.status.NO_DATA"),
          (float) plotArea.getX() + 8,
          (float) plotArea.getCenterY());
      return;
    }
    ChartMeta panelMeta =
        new ChartMeta(panel.title(), panel.unit(), meta.source(), meta.asOf(), panel.numbers());
    TimeSeriesChart series =
        new TimeSeriesChart(
            panelMeta,
            List.of(Series.named(panel.title(), panel.values())),
            null,
            panel.target(),
            null);
    JFreeChart chart = ChartBuilder.panel(TimeSeriesPlot.plot(series, f));
    chart.draw(g2, plotArea);
  }

  private static double place(Graphics2D g2, TextTitle title, double x, double y, double width) {
    double h = height(g2, title, width);
    title.draw(g2, new Rectangle2D.Double(x, y, width, h));
    return h;
  }

  private static double height(Graphics2D g2, TextTitle title, double width) {
    Size2D size = title.arrange(g2, new RectangleConstraint(width, 0).toUnconstrainedHeight());
    return size.getHeight();
  }
}
