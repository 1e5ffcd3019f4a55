package org.atalaya.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.atalaya.shared.Messages;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.messageresolver.StandardMessageResolver;

/**
 * Thymeleaf's {@code #{key(args)}} formatted by {@link Messages}, like every other text. The views
 * module's own resolver hands its arguments to Micronaut's MessageSource as strings, which only
 * replaces plain {@code {0}}: pages printed "0,number,# indicadores" and "0,choice,0#…".
 */
@Singleton
class PageMessages implements BeanCreatedEventListener<TemplateEngine> {
  @Override
  public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
    TemplateEngine engine = event.getBean();
    engine.setMessageResolver(new Resolver());
    return engine;
  }

  static final class Resolver extends AbstractMessageResolver {
    private final StandardMessageResolver absent = new StandardMessageResolver();

    Resolver() {
      setName("atalaya");
    }

    @Override
    public String resolveMessage(
        ITemplateContext context, Class<?> origin, String key, Object[] args) {
      String pattern = Messages.pattern(context.getLocale(), key);
      return pattern == null ? null : Messages.formatPattern(context.getLocale(), pattern, args);
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] args) {
      return absent.createAbsentMessageRepresentation(context, origin, key, args);
    }
  }
}
