package org.atalaya.web.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.atalaya.security.ClientAddress;
import org.atalaya.security.LoginThrottle;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.web.Csrf;
import org.atalaya.web.Pages;

/**
 * Refuses logins, JSON and form alike, from a client address with too many recent failures: 429
 * with {@code Retry-After}, before the password is even looked at. The API gets problem+json; a
 * person gets the login page saying why and how long to wait. Every replica reads the same failures
 * (LoginThrottle keeps them in the database).
 */
@ServerFilter("/login")
class LoginThrottleFilter implements Ordered {
  private final LoginThrottle throttle;
  private final ClientAddress clients;
  private final ProblemResponses problems;
  private final Pages pages;
  private final Csrf csrf;

  LoginThrottleFilter(
      LoginThrottle throttle,
      ClientAddress clients,
      ProblemResponses problems,
      Pages pages,
      Csrf csrf) {
    this.throttle = throttle;
    this.clients = clients;
    this.problems = problems;
    this.pages = pages;
    this.csrf = csrf;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before() - 1;
  }

  /** Off the event loop: the failures are read from the database. */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.POST) {
      return null;
    }
    var wait = throttle.retryAfter(clients.of(request), Instant.now());
    if (wait.isEmpty()) {
      return null;
    }
    long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
    long minutes = Duration.ofSeconds(seconds).toMinutes() + (seconds % 60 > 0 ? 1 : 0);
    if (SessionLoginHandler.fromForm(request)) {
      String action =
          SessionController.action(csrf, request, request.getParameters().get("volver"));
      return pages
          .render(
              HttpStatus.TOO_MANY_REQUESTS,
              "login",
              request,
              new SessionController.LoginForm(action, "demasiados"))
          .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
    return problems
        .of(
            request,
            HttpStatus.TOO_MANY_REQUESTS,
            problems.text(request, "problem.loginThrottled", minutes),
            List.of())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }
}
