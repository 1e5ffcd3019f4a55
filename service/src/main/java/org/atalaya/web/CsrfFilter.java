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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.atalaya.shared.ProblemResponses;

/**
 * Refuses a write that a browser could have been tricked into sending: any form post, and any write
 * carrying the session cookie, needs the CSRF token — in the {@value Csrf#FIELD} field of a
 * url-encoded form, the {@value Csrf#HEADER} header, or (for multipart uploads, whose body is not
 * read here) the {@value Csrf#FIELD} query parameter. Calls with a bearer header are API calls: a
 * browser never adds that header by itself, so they need no token.
 */
@ServerFilter(
    value = ServerFilter.MATCH_ALL_PATTERN,
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class CsrfFilter implements Ordered {
  /** How long a form's body may take to arrive before the post is refused. */
  private static final long BODY_SECONDS = 30;

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

  /**
   * Runs on a worker thread and waits there for a form's body: an asynchronous answer from this
   * filter was, under load, now and then lost by the framework (an empty 503 instead of the page).
   */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (!WRITES.contains(request.getMethod()) || !needsToken(request)) {
      return null;
    }
    String given = request.getHeaders().get(Csrf.HEADER);
    if (given == null) {
      given = request.getParameters().get(Csrf.FIELD);
    }
    if (given != null || !isForm(request, MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return verdict(request, given);
    }
    Map<String, Object> form;
    try {
      form = bodies.parseBody(request).get(BODY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      form = null;
    } catch (ExecutionException | TimeoutException e) {
      form = null;
    }
    Object field = form == null ? null : form.get(Csrf.FIELD);
    return verdict(request, field == null ? null : field.toString());
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
