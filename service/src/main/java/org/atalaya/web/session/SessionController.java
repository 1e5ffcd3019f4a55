package org.atalaya.web.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.atalaya.security.RevokedTokens;
import org.atalaya.web.Csrf;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.SafePaths;
import org.atalaya.web.SessionCookie;

/**
 * The login page (its form posts to {@code /login}, see {@link SessionLoginHandler}) and logout,
 * which revokes the token itself — not just the cookie — so a copy of the cookie is useless too.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SessionController {
  private final Pages pages;
  private final RevokedTokens revoked;
  private final Csrf csrf;

  SessionController(Pages pages, RevokedTokens revoked, Csrf csrf) {
    this.pages = pages;
    this.revoked = revoked;
    this.csrf = csrf;
  }

  /** The form, with the reason of a failed attempt ({@code credenciales}, {@code bloqueada}). */
  public record LoginForm(String action, @Nullable String error) {}

  @Get("/entrar")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<LoginForm>> form(
      HttpRequest<?> request,
      @Nullable @QueryValue String volver,
      @Nullable @QueryValue String error) {
    String reason = "bloqueada".equals(error) || "credenciales".equals(error) ? error : null;
    return pages.view("login", request, new LoginForm(action(csrf, request, volver), reason));
  }

  /**
   * Where the form posts. The framework's /login binds its body strictly (username, password and
   * nothing else), so this one form carries its CSRF token in the action's query instead.
   */
  static String action(Csrf csrf, HttpRequest<?> request, @Nullable String volver) {
    return "/login?volver="
        + URLEncoder.encode(SafePaths.orHome(volver), StandardCharsets.UTF_8)
        + "&_csrf="
        + csrf.token(request);
  }

  @Post(value = "/salir", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<?> logout(Authentication auth) {
    Object jti = auth.getAttributes().get("jti");
    if (jti != null) {
      revoked.revoke(jti.toString(), auth.getName(), expiry(auth.getAttributes().get("exp")));
    }
    return HttpResponse.seeOther(URI.create("/")).cookie(SessionCookie.cleared());
  }

  private static Instant expiry(Object exp) {
    if (exp instanceof Date d) {
      return d.toInstant();
    }
    if (exp instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    return Instant.now().plusSeconds(24 * 3600);
  }
}
