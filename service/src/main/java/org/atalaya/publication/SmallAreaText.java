package org.atalaya.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.shared.Messages;

/**
 * A {@link SmallAreas.Table} in words, the same on the indicator page and in the report: each
 * place's events, population, observed rate, exact interval, smoothed rate and note; a withheld
 * place reads "suprimido", never a number.
 */
public final class SmallAreaText {
  private SmallAreaText() {}

  /** The columns: place, events, population, observed rate (unit), interval, smoothed, note. */
  public static List<String> header(SmallAreas.Table t, String unit, Locale locale) {
    return List.of(
        Messages.format(locale, "web.rates.place"),
        Messages.format(locale, "web.rates.events"),
        Messages.format(locale, "web.rates.population"),
        Messages.format(locale, "web.rates.crude", unit),
        Messages.format(locale, "web.rates.interval", level(t, locale)),
        Messages.format(locale, "web.rates.smoothed"),
        Messages.format(locale, "web.rates.note"));
  }

  /**
   * The table's explanation: {@code key} a message whose {0} and {1} are the "pocos casos" rule's
   * events and coefficient of variation (percent) and {2} the largest withheld count; followed,
   * when the smoothed rates all equal the pooled one, by the sentence that says why.
   */
  public static String explain(SmallAreas.Table t, String key, int withheldUpTo, Locale locale) {
    String text =
        Messages.format(
            locale,
            key,
            t.minEvents(),
            FigureText.number(IndicatorKind.COUNT, t.maxCv() * 100, locale),
            withheldUpTo);
    boolean anySmoothed = t.rows().stream().anyMatch(r -> r.smoothed() != null);
    return t.pooled() && anySmoothed
        ? text + " " + Messages.format(locale, "publication.rates.pooled")
        : text;
  }

  /** The interval's confidence in percent, as written ("95"). */
  public static String level(SmallAreas.Table t, Locale locale) {
    return FigureText.number(IndicatorKind.COUNT, t.level() * 100, locale);
  }

  /** One row's cells, in the header's order. */
  public static List<String> cells(SmallAreas.Row r, Locale locale) {
    return List.of(
        r.name(),
        events(r, locale),
        r.population() == null
            ? "—"
            : FigureText.number(IndicatorKind.COUNT, r.population(), locale),
        crude(r, locale),
        r.lower() == null
            ? "—"
            : FigureText.number(IndicatorKind.RATE, r.lower(), locale)
                + " – "
                + FigureText.number(IndicatorKind.RATE, r.upper(), locale),
        FigureText.number(IndicatorKind.RATE, r.smoothed(), locale),
        note(r, locale));
  }

  private static String events(SmallAreas.Row r, Locale locale) {
    if (r.mark() == Mark.WITHHELD) {
      return Messages.format(locale, "publication.withheld");
    }
    return r.events() == null
        ? "—"
        : FigureText.number(IndicatorKind.COUNT, (double) r.events(), locale);
  }

  /** Few cases; a small count withheld from the public, or (signed in) that it is withheld. */
  private static String note(SmallAreas.Row r, Locale locale) {
    List<String> notes = new ArrayList<>();
    if (r.smallNumbers()) {
      notes.add(Messages.format(locale, "web.rates.smallNumbers"));
    }
    if (r.smallCount()) {
      notes.add(
          Messages.format(
              locale,
              r.mark() == Mark.WITHHELD ? "web.rates.withheld" : "web.rates.withheldForPublic"));
    }
    return String.join("; ", notes);
  }

  /** The observed rate without its unit (the column names it), marked as anywhere else. */
  private static String crude(SmallAreas.Row r, Locale locale) {
    String number = FigureText.number(IndicatorKind.RATE, r.crude(), locale);
    return switch (r.mark()) {
      case SHOWN -> number;
      case PROVISIONAL -> Messages.format(locale, "publication.provisional", number);
      case WITHHELD, NO_DATA -> FigureText.withUnit(r.mark(), null, IndicatorKind.RATE, "", locale);
    };
  }
}
