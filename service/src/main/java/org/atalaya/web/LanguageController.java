package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;

/**
 * The language switch, a plain link so it works without JavaScript: remembers the choice in a
 * cookie (read by the locale resolution configured in application.yml) and goes back to the page,
 * on this site only.
 */
@Controller("/idioma")
@Hidden
@Produces(MediaType.TEXT_HTML)
class LanguageController {
  static final String COOKIE = "ATALAYA_LANG";

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> choose(@Nullable @QueryValue String lang, @Nullable @QueryValue String volver) {
    String tag = "en".equals(lang) ? "en" : "es-PA";
    Cookie cookie = SessionCookie.secure(Cookie.of(COOKIE, tag)).maxAge(Duration.ofDays(365));
    return HttpResponse.seeOther(URI.create(SafePaths.orHome(volver))).cookie(cookie);
  }
}
