package org.atalaya.calendar;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.calendar.DataCalendar.Missing;
import org.atalaya.shared.Messages;

/**
 * Says in words why a period is incomplete, for the calendar, the indicator page and the e-mail
 * alike: "faltan 3 de 36 partes: Barrio Balboa (hombres); Guadalupe".
 */
public final class MissingFigures {
  /** How many places a sentence names before "and N more". */
  static final int NAMED = 8;

  private MissingFigures() {}

  public static String why(Entry e, Locale locale) {
    if (e.received() == 0) {
      return Messages.format(locale, "calendar.gap.nothing", e.expected());
    }
    return Messages.format(
        locale, "calendar.gap.parts", e.expected() - e.received(), e.expected(), parts(e, locale));
  }

  /** The missing places, each with the sexes missing there when not all are. */
  public static String parts(Entry e, Locale locale) {
    List<Missing> missing = e.missing();
    String named =
        missing.stream().limit(NAMED).map(m -> part(m, locale)).collect(Collectors.joining("; "));
    return missing.size() > NAMED
        ? Messages.format(locale, "calendar.gap.more", named, missing.size() - NAMED)
        : named;
  }

  private static String part(Missing m, Locale locale) {
    boolean whole = m.sexes().contains("_T") || m.sexes().size() > 1;
    return whole
        ? m.placeName()
        : m.placeName() + " (" + Messages.format(locale, "calendar.sex." + m.sexes().get(0)) + ")";
  }
}
