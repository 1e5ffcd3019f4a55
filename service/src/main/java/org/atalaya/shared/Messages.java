package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Text a person reads: Spanish (es-PA) first, English when the request asks for it. */
@Singleton
public class Messages {
  public static final Locale DEFAULT = Locale.forLanguageTag("es-PA");
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
    ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale, NO_FALLBACK);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    if (args.length == 0) {
      return pattern;
    }
    Object[] translated = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      translated[i] = args[i] instanceof Key k ? format(locale, k.key()) : args[i];
    }
    return new MessageFormat(pattern, locale).format(translated);
  }
}
