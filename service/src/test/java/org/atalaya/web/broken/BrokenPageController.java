package org.atalaya.web.broken;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/** A page whose template fails while rendering; only in the test that needs it. */
@Controller("/prueba")
@Requires(env = "broken-page")
class BrokenPageController {
  @Get("/rota")
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Map<String, Object>> broken(HttpRequest<?> request) {
    return new ModelAndView<>("prueba/rota", Map.of("body", Map.of()));
  }
}
