package org.atalaya.chart;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The charts drawn with this module's own words ({@code i18n/charts}), as the service draws them
 * with all its bundles: a key's pattern in the reader's language, formatted by {@link
 * MessageFormat}.
 */
final class BundleCharts {
  static final ChartText WORDS = BundleCharts::format;

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private BundleCharts() {}

  static String format(Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle("i18n.charts", locale, NO_FALLBACK);
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  static byte[] png(ChartSpec spec, int width, int height, Locale locale) {
    return ChartRenderer.png(spec, width, height, locale, WORDS);
  }

  static String svg(ChartSpec spec, int width, int height, Locale locale) {
    return ChartRenderer.svg(spec, width, height, locale, WORDS);
  }

  static ChartDescription describe(ChartSpec spec, Locale locale) {
    return ChartRenderer.describe(spec, locale, WORDS);
  }
}
