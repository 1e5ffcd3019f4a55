package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.atalaya.security.Role;
import org.junit.jupiter.api.Test;

/**
 * Every route of ours says who may call it, and no rule lets an anonymous caller write. A new route
 * without {@code @Secured} fails here, by name, instead of being found by a user.
 */
@MicronautTest(environments = "test")
class RouteRulesTest {
  /** Methods that only read; anything else changes data. */
  private static final Set<HttpMethod> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @Inject Router router;

  /** One route of ours with the rules it declares (method- or class-level). */
  private record Route(HttpMethod method, String uri, String target, List<String> rules) {
    boolean secured() {
      return !rules.isEmpty();
    }

    @Override
    public String toString() {
      return method + " " + uri + " -> " + target + " " + rules;
    }
  }

  private List<Route> ourRoutes() {
    // The router hands out each route more than once; distinct() keeps the report readable.
    return router
        .uriRoutes()
        .distinct()
        .map(RouteRulesTest::route)
        .filter(route -> route.target().startsWith("org.atalaya."))
        .sorted(Comparator.comparing(Route::toString))
        .toList();
  }

  private static Route route(UriRouteInfo<?, ?> info) {
    MethodExecutionHandle<?, ?> target = info.getTargetMethod();
    // The handle's own declaring type may be a generated subclass; the method names the controller.
    Method method = target.getTargetMethod();
    List<String> rules =
        target.hasAnnotation(Secured.class)
            ? List.of(target.stringValues(Secured.class))
            : List.of();
    return new Route(
        info.getHttpMethod(),
        info.getUriMatchTemplate().toString(),
        method.getDeclaringClass().getName() + "#" + method.getName(),
        rules);
  }

  private Route find(HttpMethod method, String uri) {
    return ourRoutes().stream()
        .filter(r -> r.method() == method && r.uri().equals(uri))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no route " + method + " " + uri));
  }

  @Test
  void theRulesAreReadFromOurControllers() {
    assertThat(ourRoutes()).isNotEmpty();
    assertThat(find(HttpMethod.GET, "/api/plans").rules())
        .containsExactly(SecurityRule.IS_ANONYMOUS);
    assertThat(find(HttpMethod.DELETE, "/api/plans/{code}").rules())
        .containsExactly(Role.ADMIN_NAME);
  }

  @Test
  void everyRouteOfOursHasASecurityRule() {
    List<Route> unsecured = ourRoutes().stream().filter(r -> !r.secured()).toList();

    assertThat(unsecured)
        .as("routes without @Secured on the method or its class:%n%s", lines(unsecured))
        .isEmpty();
  }

  @Test
  void anonymousCallersCanNeverWrite() {
    List<Route> writes = ourRoutes().stream().filter(r -> !READS.contains(r.method())).toList();
    List<Route> openWrites =
        writes.stream().filter(r -> r.rules().contains(SecurityRule.IS_ANONYMOUS)).toList();

    assertThat(writes).isNotEmpty();
    assertThat(openWrites)
        .as("write routes that let anonymous callers in:%n%s", lines(openWrites))
        .isEmpty();
  }

  private static String lines(List<Route> routes) {
    return String.join("\n", routes.stream().map(r -> "  " + r).toList());
  }
}
