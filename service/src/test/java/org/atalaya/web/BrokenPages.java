package org.atalaya.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

/**
 * Test only: two pages whose template fails while it is written, one left to the views module
 * (written after the controller returns) and one written by the controller. Present only where a
 * test asks for it, so no other test sees these routes.
 */
@Requires(property = "atalaya.test.broken-pages", value = "true")
@Controller("/prueba-rota")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class BrokenPages {
  private final Pages pages;

  BrokenPages(Pages pages) {
    this.pages = pages;
  }

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<?> later(HttpRequest<?> request) {
    return pages.view("test-broken", request, new Bomb());
  }

  @Get(value = "/directa", produces = MediaType.TEXT_HTML)
  HttpResponse<String> now(HttpRequest<?> request) {
    return pages.render(HttpStatus.OK, "test-broken", request, new Bomb());
  }

  /** Data that fails when the template reads it. */
  public record Bomb() {
    public String text() {
      throw new IllegalStateException("test: the page's data fails while it is written");
    }
  }
}
