package org.atalaya.chart;

import java.util.Locale;

/**
 * The words of a chart (legend entries, notes, alt text, table headers) by message key, in the
 * reader's locale. The service passes its message bundles; a test may pass its own.
 */
@FunctionalInterface
public interface ChartText {
  String format(Locale locale, String key, Object... args);
}
