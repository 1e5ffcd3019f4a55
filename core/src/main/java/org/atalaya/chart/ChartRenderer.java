package org.atalaya.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The product's charts: a spec in, a PNG or an SVG out, with the words beside it. The same spec,
 * size, locale and words always give the same bytes, so that a chart's ETag stays put. The words
 * (titles, legends, alt text) come from the caller's {@link ChartText}: this module reads no
 * message bundle of the service.
 */
public final class ChartRenderer {
  static final int MIN_SIZE = 120;
  static final int MAX_SIZE = 4000;

  private ChartRenderer() {}

  public static byte[] png(ChartSpec spec, int width, int height, Locale locale, ChartText words) {
    checkSize(width, height);
    Formats f = formats(spec, locale, words);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g2.setPaint(Color.WHITE);
      g2.fillRect(0, 0, width, height);
      ChartBuilder.drawing(spec, f).draw(g2, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g2.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A standalone SVG document that scales to its container, its alt text as its title. */
  public static String svg(ChartSpec spec, int width, int height, Locale locale, ChartText words) {
    checkSize(width, height);
    Formats f = formats(spec, locale, words);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    // The default prefix is a timestamp; a fixed one keeps identical charts byte-identical.
    g2.setDefsKeyPrefix("atalaya-");
    g2.setFontFunction(Theme::svgFontFamily);
    ChartBuilder.drawing(spec, f).draw(g2, new Rectangle2D.Double(0, 0, width, height));
    String svg = g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    String title = "<title>" + escape(Describer.describe(spec, f).altText()) + "</title>";
    int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
    return svg.substring(0, open) + title + svg.substring(open);
  }

  public static ChartDescription describe(ChartSpec spec, Locale locale, ChartText words) {
    return Describer.describe(spec, formats(spec, locale, words));
  }

  private static Formats formats(ChartSpec spec, Locale locale, ChartText words) {
    return new Formats(Objects.requireNonNull(locale, "locale"), spec.meta().numbers(), words);
  }

  private static void checkSize(int width, int height) {
    if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
      throw new IllegalArgumentException(
          "width and height must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels");
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
