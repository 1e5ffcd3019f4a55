package org.atalaya.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as people read them, in one style everywhere (pages, report, charts, messages): "6 dic.
 * 2026" in Spanish, "Dec 6, 2026" in English. Never the locale's numeric short form: es-PA writes
 * 12/06/2026 for the 6th of December, which a reader elsewhere takes for the 12th of June. Inputs
 * and files keep ISO (2026-12-06).
 */
public final class Dates {
  /** The observatory's time zone, by name: for annotations such as a cron job's. */
  public static final String ZONE_ID = "America/Panama";

  /** The observatory's clock, for instants such as "recorded at". */
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private Dates() {}

  public static DateTimeFormatter day(Locale locale) {
    return "es".equals(locale.getLanguage())
        ? DateTimeFormatter.ofPattern("d MMM yyyy", locale)
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
  }

  public static String day(LocalDate date, Locale locale) {
    return date == null ? "—" : day(locale).format(date);
  }

  /** A moment, to the minute, on the observatory's clock: "6 dic. 2026 14:05". */
  public static String moment(LocalDateTime at, Locale locale) {
    return at == null ? "—" : day(at.toLocalDate(), locale) + " " + TIME.format(at);
  }

  public static String moment(Instant at, Locale locale) {
    return at == null ? "—" : moment(LocalDateTime.ofInstant(at, ZONE), locale);
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
}
