package org.atalaya.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;

/** The words around every chart: its title on top; its source and as-of date at the foot. */
final class Decorations {
  private Decorations() {}

  static void frame(JFreeChart chart, ChartMeta meta, Formats formats) {
    chart.setTitle(title(meta));
    // Index 0 puts the footer below the legend, at the very bottom.
    chart.addSubtitle(0, footer(meta, formats));
    chart.setPadding(new RectangleInsets(6, 8, 4, 10));
  }

  static TextTitle title(ChartMeta meta) {
    TextTitle title = new TextTitle(meta.title(), Theme.TITLE);
    title.setPaint(Palette.TEXT);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setPadding(new RectangleInsets(2, 2, 6, 2));
    return title;
  }

  static TextTitle footer(ChartMeta meta, Formats formats) {
    TextTitle footer =
        new TextTitle(
            formats.text("chart.source", meta.source(), formats.date(meta.asOf())),
            Theme.SMALL,
            Palette.MUTED_TEXT,
            RectangleEdge.BOTTOM,
            HorizontalAlignment.LEFT,
            VerticalAlignment.BOTTOM,
            new RectangleInsets(6, 2, 0, 2));
    return footer;
  }

  /** A line of small print under the title, for notes that a reader needs to read the marks. */
  static void note(JFreeChart chart, String text) {
    TextTitle note =
        new TextTitle(
            text,
            Theme.NOTE,
            Palette.MUTED_TEXT,
            RectangleEdge.TOP,
            HorizontalAlignment.LEFT,
            VerticalAlignment.TOP,
            new RectangleInsets(0, 2, 4, 2));
    chart.addSubtitle(note);
  }
}
