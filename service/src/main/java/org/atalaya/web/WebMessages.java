package org.atalaya.web;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.atalaya.shared.Messages;

/**
 * Micronaut's {@code MessageSource} over our {@code i18n/} bundles ({@link Messages#BUNDLES}), for
 * framework code that asks one; Spanish unless the request asked for English, no fallback to the
 * JVM's locale. Patterns are formatted by {@link Messages#formatPattern}, as everywhere else (pages
 * go through {@link PageMessages}, which keeps the arguments' types).
 */
@Singleton
class WebMessages extends AbstractMessageSource {
  @Override
  public @NonNull Optional<String> getRawMessage(
      @NonNull String code, @NonNull MessageContext context) {
    return Optional.ofNullable(Messages.pattern(context.getLocale(Messages.DEFAULT), code));
  }

  @Override
  public @NonNull String interpolate(@NonNull String template, @NonNull MessageContext context) {
    Map<String, Object> variables = context.getVariables();
    Object[] args = new Object[variables.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = variables.get(String.valueOf(i));
    }
    return Messages.formatPattern(context.getLocale(Messages.DEFAULT), template, args);
  }
}
