package org.atalaya.web;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.atalaya.shared.Messages;

/**
 * Thymeleaf's {@code #{key(args)}} over our {@code i18n/messages} bundle, Spanish unless the
 * request asked for English. No fallback to the JVM's locale (which would turn a Spanish page
 * English on an English server), and every pattern goes through {@link MessageFormat}, as the
 * bundles are written.
 */
@Singleton
class WebMessages extends AbstractMessageSource {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Override
  public @NonNull Optional<String> getRawMessage(
      @NonNull String code, @NonNull MessageContext context) {
    Locale locale = context.getLocale(Messages.DEFAULT);
    try {
      return Optional.of(
          ResourceBundle.getBundle("i18n.messages", locale, NO_FALLBACK).getString(code));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  @Override
  public @NonNull String interpolate(@NonNull String template, @NonNull MessageContext context) {
    Map<String, Object> variables = context.getVariables();
    Object[] args = new Object[variables.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = variables.get(String.valueOf(i));
    }
    return new MessageFormat(template, context.getLocale(Messages.DEFAULT)).format(args);
  }
}
