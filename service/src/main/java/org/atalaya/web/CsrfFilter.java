package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.web.session.SessionCookie;

/**
 * Refuses a write that a browser could have been tricked into sending: any form post, and any write
 * carrying the session cookie, needs the CSRF token — in the {@value Csrf#FIELD} field of a
 * url-encoded form, the {@value Csrf#HEADER} header, or (for multipart uploads, whose body is not
 * read here) the {@value Csrf#FIELD} query parameter. Calls with a bearer header are API calls: a
 * browser never adds that header by itself, so they need no token.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter implements Ordered {
  private static final Set<HttpMethod> WRITES =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final Csrf csrf;
  private final FilterBodyParser bodies;
  private final ProblemResponses problems;

  CsrfFilter(Csrf csrf, FilterBodyParser bodies, ProblemResponses problems) {
    this.csrf = csrf;
    this.bodies = bodies;
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @RequestFilter
  CompletableFuture<@Nullable HttpResponse<?>> check(HttpRequest<?> request) {
    if (!WRITES.contains(request.getMethod()) || !needsToken(request)) {
      return CompletableFuture.completedFuture(null);
    }
    String given = request.getHeaders().get(Csrf.HEADER);
    if (given == null) {
      given = request.getParameters().get(Csrf.FIELD);
    }
    if (given != null || !isForm(request, MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return CompletableFuture.completedFuture(verdict(request, given));
    }
    return bodies
        .parseBody(request)
        .thenApply(
            form -> {
              Object field = form == null ? null : form.get(Csrf.FIELD);
              return verdict(request, field == null ? null : field.toString());
            });
  }

  private @Nullable HttpResponse<?> verdict(HttpRequest<?> request, @Nullable String token) {
    return csrf.valid(request, token)
        ? null
        : problems.of(
            request,
            HttpStatus.FORBIDDEN,
            problems.text(request, "web.csrf.refused"),
            java.util.List.of());
  }

  private static boolean needsToken(HttpRequest<?> request) {
    String auth = request.getHeaders().getAuthorization().orElse("");
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return SessionCookie.read(request).isPresent()
        || isForm(request, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
        || isForm(request, MediaType.MULTIPART_FORM_DATA_TYPE);
  }

  private static boolean isForm(HttpRequest<?> request, MediaType type) {
    return request.getContentType().map(t -> t.matches(type)).orElse(false);
  }
}
