package org.atalaya.chart;

import java.util.Locale;
import org.atalaya.shared.Messages;

/**
 * The product's charts with the service's words: {@link ChartRenderer} (in the core module, free of
 * the framework) drawing in the reader's locale with the message bundles. A missing locale reads as
 * Spanish (es-PA).
 */
public final class Charts {
  private static final ChartText WORDS = Messages::format;

  private Charts() {}

  public static byte[] png(ChartSpec spec, int width, int height, Locale locale) {
    return ChartRenderer.png(spec, width, height, orDefault(locale), WORDS);
  }

  /** A standalone SVG document that scales to its container, its alt text as its title. */
  public static String svg(ChartSpec spec, int width, int height, Locale locale) {
    return ChartRenderer.svg(spec, width, height, orDefault(locale), WORDS);
  }

  public static ChartDescription describe(ChartSpec spec, Locale locale) {
    return ChartRenderer.describe(spec, orDefault(locale), WORDS);
  }

  private static Locale orDefault(Locale locale) {
    return locale == null ? Messages.DEFAULT : locale;
  }
}
