package org.atalaya.web.chart;

import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartDescription;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.Charts;

/**
 * A chart as a page shows it: the image (SVG, with a PNG link), its alt text, and its data as a
 * table beside it, for people who cannot see the image.
 */
public record ChartBlock(
    String title,
    String svg,
    String png,
    String alt,
    List<String> header,
    List<List<String>> rows,
    int width,
    int height) {

  /** {@code base} is the chart's address without extension; {@code query} the page's filters. */
  public static ChartBlock of(ChartSpec spec, String base, String query, Locale locale) {
    return of(spec, base, query, locale, ChartResponses.WIDTH, ChartResponses.HEIGHT);
  }

  public static ChartBlock of(
      ChartSpec spec, String base, String query, Locale locale, int width, int height) {
    ChartDescription d = Charts.describe(spec, locale);
    return new ChartBlock(
        spec.meta().title(),
        base + ".svg" + query,
        base + ".png" + query,
        d.altText(),
        d.header(),
        d.rows(),
        width,
        height);
  }
}
