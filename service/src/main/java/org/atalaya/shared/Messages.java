package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Text a person reads: Spanish (es-PA) first, English when the request asks for it. */
@Singleton
public class Messages {
  public static final Locale DEFAULT = Locale.forLanguageTag("es-PA");

  /**
   * The bundles under {@code i18n/}, one per area so that each stays short; a key lives in exactly
   * one of them, in Spanish ({@code name.properties}) and English ({@code name_en.properties}).
   */
  public static final java.util.List<String> BUNDLES =
      java.util.List.of(
          "i18n.messages",
          "i18n.charts",
          "i18n.pages",
          "i18n.admin",
          "i18n.approval",
          "i18n.plans",
          "i18n.reports",
          "i18n.surveys",
          "i18n.surveyforms",
          "i18n.authoring",
          "i18n.work",
          "i18n.home",
          "i18n.risk");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final HttpLocaleResolver localeResolver;

  Messages(HttpLocaleResolver localeResolver) {
    this.localeResolver = localeResolver;
  }

  public Locale locale(HttpRequest<?> request) {
    return request == null ? DEFAULT : localeResolver.resolveOrDefault(request);
  }

  public String get(Locale locale, String key, Object... args) {
    return format(locale, key, args);
  }

  /** An argument that is itself translated, such as the name of an entity. */
  public record Key(String key) {}

  public static String format(Locale locale, String key, Object... args) {
    String pattern = pattern(locale, key);
    return pattern == null ? key : formatPattern(locale, pattern, args);
  }

  /**
   * The one way a pattern becomes text, for pages, the report, charts and API problems alike:
   * {@link MessageFormat} in the reader's locale, with or without arguments (so {@code ''} always
   * reads as an apostrophe), {@link Key} arguments translated, periods ({@link Periods.Code}) and
   * dates written as {@link Dates} writes them for people.
   */
  public static String formatPattern(Locale locale, String pattern, Object... args) {
    Object[] shown = new Object[args == null ? 0 : args.length];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = shown(locale, args[i]);
    }
    return new MessageFormat(pattern, locale).format(shown);
  }

  private static Object shown(Locale locale, Object arg) {
    if (arg instanceof Key k) {
      return format(locale, k.key());
    }
    if (arg instanceof Periods.Code p) {
      return Periods.text(p.code(), locale);
    }
    if (arg instanceof LocalDate d) {
      return Dates.day(d, locale);
    }
    if (arg instanceof LocalDateTime t) {
      return Dates.moment(t, locale);
    }
    if (arg instanceof Instant t) {
      return Dates.moment(t, locale);
    }
    return arg;
  }

  /** The pattern of a key in the first bundle that has it, or null. */
  public static String pattern(Locale locale, String key) {
    for (String name : BUNDLES) {
      ResourceBundle bundle;
      try {
        bundle = ResourceBundle.getBundle(name, locale, NO_FALLBACK);
      } catch (MissingResourceException e) {
        continue;
      }
      if (bundle.containsKey(key)) {
        return bundle.getString(key);
      }
    }
    return null;
  }
}
