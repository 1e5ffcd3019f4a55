package org.atalaya.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;

/**
 * The one look of every chart: readable sans-serif type, white ground, a light grid, flat fills (no
 * 3-D, no gradients, no shadows) and the Okabe–Ito colours.
 */
final class Theme {
  /** DejaVu Sans is installed with the service; the logical font stands in where it is not. */
  static final String FAMILY = pickFamily();

  static final Font TITLE = new Font(FAMILY, Font.BOLD, 16);
  static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 12);
  static final Font REGULAR = new Font(FAMILY, Font.PLAIN, 12);
  static final Font SMALL = new Font(FAMILY, Font.PLAIN, 11);
  static final Font NOTE = new Font(FAMILY, Font.ITALIC, 11);
  static final Font PANEL_TITLE = new Font(FAMILY, Font.BOLD, 12);

  static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final Stroke TARGET =
      new BasicStroke(
          1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
  static final Stroke BASELINE =
      new BasicStroke(
          1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 3f}, 0f);
  static final Stroke FORECAST =
      new BasicStroke(
          2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 4f}, 0f);
  static final Stroke GRID = new BasicStroke(0.6f);

  private static final StandardChartTheme JFREE = jfreeTheme();

  private Theme() {}

  static void apply(JFreeChart chart) {
    // JFreeChart's theme clears the renderers' series colours and strokes; ours are chosen per
    // series (a sex has one colour everywhere, the target is dashed black), so they survive it.
    List<Runnable> restore = new ArrayList<>();
    for (AbstractRenderer renderer : renderers(chart.getPlot())) {
      for (int series = 0; series < 16; series++) {
        int s = series;
        Paint paint = renderer.getSeriesPaint(s);
        Stroke stroke = renderer.getSeriesStroke(s);
        restore.add(
            () -> {
              renderer.setSeriesPaint(s, paint, false);
              renderer.setSeriesStroke(s, stroke, false);
            });
      }
    }
    JFREE.apply(chart);
    restore.forEach(Runnable::run);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setBorderVisible(false);
    chart.getPlot().setOutlineVisible(false);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setItemFont(SMALL);
    }
  }

  private static List<AbstractRenderer> renderers(Plot plot) {
    List<AbstractRenderer> renderers = new ArrayList<>();
    if (plot instanceof XYPlot xy) {
      for (int i = 0; i < xy.getRendererCount(); i++) {
        if (xy.getRenderer(i) instanceof AbstractRenderer r) {
          renderers.add(r);
        }
      }
    } else if (plot instanceof CategoryPlot category) {
      for (int i = 0; i < category.getRendererCount(); i++) {
        if (category.getRenderer(i) instanceof AbstractRenderer r) {
          renderers.add(r);
        }
      }
    }
    return renderers;
  }

  private static StandardChartTheme jfreeTheme() {
    StandardChartTheme theme = new StandardChartTheme("Atalaya", false);
    theme.setExtraLargeFont(TITLE);
    theme.setLargeFont(SUBTITLE);
    theme.setRegularFont(REGULAR);
    theme.setSmallFont(SMALL);
    theme.setTitlePaint(Palette.TEXT);
    theme.setSubtitlePaint(Palette.MUTED_TEXT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setLegendItemPaint(Palette.TEXT);
    theme.setDomainGridlinePaint(Palette.GRID);
    theme.setRangeGridlinePaint(Palette.GRID);
    theme.setAxisLabelPaint(Palette.TEXT);
    theme.setTickLabelPaint(Palette.MUTED_TEXT);
    theme.setItemLabelPaint(Palette.TEXT);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    Paint[] paints = Palette.SERIES.toArray(new Paint[0]);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            paints,
            paints,
            new Paint[] {Palette.TEXT},
            new Stroke[] {LINE},
            new Stroke[] {new BasicStroke(1f)},
            DefaultDrawingSupplier.createStandardSeriesShapes()));
    return theme;
  }

  private static String pickFamily() {
    String[] installed =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
    return Arrays.asList(installed).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
  }

  /**
   * How the SVG names the font, with fall-backs of similar width for viewers without it; unquoted,
   * because JFreeSVG writes the style attribute between single quotes.
   */
  static String svgFontFamily(String javaFamily) {
    return "DejaVu Sans, Verdana, sans-serif";
  }
}
