package org.atalaya.web.chart;

import io.micronaut.core.annotation.Nullable;
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
    int height,
    @Nullable String narrow,
    int narrowWidth,
    int narrowHeight) {

  /** The same chart laid out for a phone, which the page offers below 40rem. */
  public ChartBlock withNarrow(String svg, int w, int h) {
    return new ChartBlock(title, this.svg, png, alt, header, rows, width, height, svg, w, h);
  }

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
        height,
        null,
        0,
        0);
  }
}
