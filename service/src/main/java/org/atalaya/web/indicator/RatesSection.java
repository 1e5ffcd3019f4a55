package org.atalaya.web.indicator;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.publication.FigureText;
import org.atalaya.publication.SmallAreas;
import org.atalaya.shared.Messages;
import org.atalaya.web.Numbers;

/**
 * A rate by corregimiento as a table a person reads: observed rate, exact interval, smoothed rate
 * and the small-numbers note, every figure from {@link SmallAreas}; {@code highlight} the place the
 * page is about, if any.
 */
public record RatesSection(
    String title,
    String caption,
    String explain,
    List<String> header,
    List<Row> rows,
    List<org.atalaya.web.chart.ChartBlock> maps) {

  /** The section with its maps: observed and smoothed rate, side by side. */
  public RatesSection withMaps(List<org.atalaya.web.chart.ChartBlock> pair) {
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
      @Nullable SmallAreas.Table t, String unit, @Nullable String highlight, Locale locale) {
    if (t == null || t.period() == null || t.rows().isEmpty()) {
      return null;
    }
    String level = Numbers.number(t.level() * 100, 0, locale);
    List<String> header =
        List.of(
            Messages.format(locale, "web.rates.place"),
            Messages.format(locale, "web.rates.events"),
            Messages.format(locale, "web.rates.population"),
            Messages.format(locale, "web.rates.crude", unit),
            Messages.format(locale, "web.rates.interval", level),
            Messages.format(locale, "web.rates.smoothed"),
            Messages.format(locale, "web.rates.note"));
    List<Row> rows =
        t.rows().stream()
            .map(
                r ->
                    new Row(
                        r.territory(),
                        r.name(),
                        events(r, locale),
                        r.population() == null ? "—" : Numbers.number(r.population(), 0, locale),
                        crude(r, locale),
                        r.lower() == null
                            ? "—"
                            : FigureText.number(IndicatorKind.RATE, r.lower(), locale)
                                + " – "
                                + FigureText.number(IndicatorKind.RATE, r.upper(), locale),
                        FigureText.number(IndicatorKind.RATE, r.smoothed(), locale),
                        note(r, locale),
                        r.territory().equals(highlight)))
            .toList();
    return new RatesSection(
        Messages.format(locale, "web.rates.title", t.periodLabel()),
        Messages.format(locale, "web.rates.caption", t.periodLabel(), level),
        Messages.format(
            locale, "web.rates.explain", t.minEvents(), Numbers.number(t.maxCv() * 100, 0, locale)),
        header,
        rows,
        List.of());
  }

  private static String events(SmallAreas.Row r, Locale locale) {
    if (r.mark() == org.atalaya.publication.Mark.WITHHELD) {
      return Messages.format(locale, "publication.withheld");
    }
    return r.events() == null ? "—" : Numbers.number((double) r.events(), 0, locale);
  }

  /** Few cases; a small count withheld from the public, or (signed in) that it is withheld. */
  private static String note(SmallAreas.Row r, Locale locale) {
    List<String> notes = new java.util.ArrayList<>();
    if (r.smallNumbers()) {
      notes.add(Messages.format(locale, "web.rates.smallNumbers"));
    }
    if (r.smallCount()) {
      notes.add(
          Messages.format(
              locale,
              r.mark() == org.atalaya.publication.Mark.WITHHELD
                  ? "web.rates.withheld"
                  : "web.rates.withheldForPublic"));
    }
    return String.join("; ", notes);
  }

  /** The observed rate without its unit (the column names it), marked as anywhere else. */
  private static String crude(SmallAreas.Row r, Locale locale) {
    String number = FigureText.number(IndicatorKind.RATE, r.crude(), locale);
    return switch (r.mark()) {
      case SHOWN -> number;
      case PROVISIONAL -> Messages.format(locale, "publication.provisional", number);
      default -> FigureText.withUnit(r.mark(), null, IndicatorKind.RATE, "", locale);
    };
  }
}
