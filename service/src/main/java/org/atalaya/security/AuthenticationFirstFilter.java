package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.Router;
import java.util.List;
import org.atalaya.shared.ProblemResponses;

/**
 * Authentication before content negotiation. A request whose path and method name a route, but
 * whose content type no route of that path accepts, matches no route — and the security rules,
 * which read the route, let it through to a 415 that tells an anonymous caller which types the
 * route takes. When none of the routes at that path and method admits anonymous callers and nobody
 * signed in, the answer is the 401 the route itself would give.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class AuthenticationFirstFilter implements Ordered {
  private final Router router;
  private final ProblemResponses problems;

  AuthenticationFirstFilter(Router router, ProblemResponses problems) {
    this.router = router;
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (RouteAttributes.getRouteMatch(request).isPresent()
        || request.getUserPrincipal().isPresent()) {
      return null;
    }
    List<Boolean> anonymous =
        router
            .find(request.getMethod(), request.getPath(), request)
            .map(
                m ->
                    List.of(m.getAnnotationMetadata().stringValues(Secured.class))
                        .contains(SecurityRule.IS_ANONYMOUS))
            .toList();
    if (anonymous.isEmpty() || anonymous.contains(true)) {
      return null;
    }
    return problems.of(
        request, HttpStatus.UNAUTHORIZED, problems.text(request, "detail.401"), List.of());
  }
}
