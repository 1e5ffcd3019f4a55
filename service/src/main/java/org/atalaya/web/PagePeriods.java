package org.atalaya.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import org.atalaya.shared.Periods;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code ${#periods.text(code)}} in every page: a period code ({@code 2026-T3}) in words ("3.er
 * trimestre de 2026") in the page's language, through {@link Periods} like every other output.
 * Addresses and form values keep the code.
 */
@Singleton
class PagePeriods implements BeanCreatedEventListener<TemplateEngine> {
  @Override
  public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
    TemplateEngine engine = event.getBean();
    engine.addDialect(new Dialect());
    return engine;
  }

  /** What a page calls: bound to the page's locale. */
  public record Words(Locale locale) {
    public String text(String code) {
      return Periods.text(code, locale);
    }
  }

  static final class Dialect extends AbstractDialect implements IExpressionObjectDialect {
    Dialect() {
      super("atalaya-periods");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
      return new IExpressionObjectFactory() {
        @Override
        public Set<String> getAllExpressionObjectNames() {
          return Set.of("periods");
        }

        @Override
        public Object buildObject(IExpressionContext context, String name) {
          return new Words(context.getLocale());
        }

        @Override
        public boolean isCacheable(String name) {
          return true;
        }
      };
    }
  }
}
