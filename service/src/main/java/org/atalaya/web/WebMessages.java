package org.atalaya.web;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Optional;
import org.atalaya.shared.Messages;

/**
 * Thymeleaf's {@code #{key(args)}} over our {@code i18n/} bundles ({@link Messages#BUNDLES}),
 * Spanish unless the request asked for English. No fallback to the JVM's locale (which would turn a
 * Spanish page English on an English server), and every pattern goes through {@link MessageFormat},
 * as the bundles are written.
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
    return new MessageFormat(template, context.getLocale(Messages.DEFAULT)).format(args);
  }
}
