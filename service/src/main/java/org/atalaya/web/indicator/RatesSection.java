package org.atalaya.web.indicator;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;
import org.atalaya.publication.SmallAreaText;
import org.atalaya.publication.SmallAreas;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Periods;
import org.atalaya.web.chart.ChartBlock;

/**
 * A rate by corregimiento as a table a person reads: observed rate, exact interval, smoothed rate
 * and the small-numbers note, every figure from {@link SmallAreas} in the words of {@link
 * SmallAreaText} (the report's too); {@code highlight} the place the page is about, if any; {@code
 * maps} the observed and smoothed rate maps set beside the table.
 */
public record RatesSection(
    String title,
    String caption,
    String explain,
    List<String> header,
    List<Row> rows,
    List<ChartBlock> maps) {

  /** The section with its maps: observed and smoothed rate, side by side. */
  public RatesSection withMaps(List<ChartBlock> pair) {
    return new RatesSection(title, caption, explain, header, rows, List.copyOf(pair));
  }

  /** One place; {@code highlight} when the page is about it. */
  public record Row(
      String code,
      String name,
      String events,
      String population,
      String crude,
      String interval,
      String smoothed,
      String note,
      boolean highlight) {}

  /** The section, or null when there is no table to give. */
  public static @Nullable RatesSection of(
      @Nullable SmallAreas.Table t,
      String unit,
      @Nullable String highlight,
      int withheldUpTo,
      Locale locale) {
    if (t == null || t.period() == null || t.rows().isEmpty()) {
      return null;
    }
    String level = SmallAreaText.level(t, locale);
    List<Row> rows =
        t.rows().stream()
            .map(
                r -> {
                  List<String> c = SmallAreaText.cells(r, locale);
                  return new Row(
                      r.territory(),
                      c.get(0),
                      c.get(1),
                      c.get(2),
                      c.get(3),
                      c.get(4),
                      c.get(5),
                      c.get(6),
                      r.territory().equals(highlight));
                })
            .toList();
    return new RatesSection(
        Messages.format(locale, "web.rates.title", Periods.code(t.periodLabel())),
        Messages.format(locale, "web.rates.caption", Periods.code(t.periodLabel()), level),
        SmallAreaText.explain(t, "web.rates.explain", withheldUpTo, locale),
        SmallAreaText.header(t, unit, locale),
        rows,
        List.of());
  }
}
