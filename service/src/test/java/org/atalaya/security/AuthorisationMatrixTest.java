package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.simple.SimpleHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Csrf;
import org.junit.jupiter.api.Test;

/**
 * Every route the application exposes, called over HTTP as an anonymous visitor, an analyst, a
 * committee member and an administrator, against the access this table expects. A route missing
 * from the table fails by name, so a new route cannot ship without someone deciding who may call
 * it. Placeholders keep every call harmless: unknown codes, and bodies that fail validation only
 * after the security check.
 */
@MicronautTest(environments = "test")
class AuthorisationMatrixTest {
  enum Caller {
    ANONYMOUS,
    ANALYST,
    COMMITTEE,
    ADMIN
  }

  /** Who gets past the security check; everyone else is refused (401 anonymous, 403 a role). */
  enum Access {
    PUBLIC(Caller.ANONYMOUS, Caller.ANALYST, Caller.COMMITTEE, Caller.ADMIN),
    SIGNED_IN(Caller.ANALYST, Caller.COMMITTEE, Caller.ADMIN),
    STAFF(Caller.ANALYST, Caller.ADMIN),
    COMMITTEE(Caller.COMMITTEE),
    OVERSIGHT(Caller.COMMITTEE, Caller.ADMIN),
    ADMIN(Caller.ADMIN);

    final List<Caller> allowed;

    Access(Caller... allowed) {
      this.allowed = List.of(allowed);
    }
  }

  static final Map<String, Access> EXPECTED = new TreeMap<>();

  private static void rule(Access access, String... routes) {
    for (String route : routes) {
      if (EXPECTED.put(route, access) != null) {
        throw new IllegalStateException("twice in the table: " + route);
      }
    }
  }

  static {
    rule(
        Access.PUBLIC,
        "GET /health",
        "GET /health/{selector}",
        "GET /prometheus",
        "POST /login",
        "GET /",
        "GET /entrar",
        "GET /idioma",
        "GET /api/plans",
        "GET /api/plans/{code}",
        "GET /api/plans/{code}/export",
        "GET /api/plans/{plan}/axes",
        "GET /api/plans/{plan}/actions/{action}",
        "GET /api/plans/{plan}/projects",
        "GET /api/plans/{plan}/projects/{project}",
        "GET /api/institutions",
        "GET /api/institutions/{code}",
        "GET /api/territories",
        "GET /api/territories/{code}",
        "GET /api/surveys/published",
        "GET /api/surveys/indicator-cells/{indicator}",
        "GET /api/surveys/{code}/differences",
        "GET /api/surveys/{code}/waves/{wave}/estimates",
        "GET /api/reports",
        "GET /api/reports/{plan}/{period}/{version}",
        "GET /api/reports/{plan}/{period}/{version}/{file}",
        "GET /planes/{plan}",
        "GET /planes/{plan}/ejes/{axis}",
        "GET /planes/{plan}/fichas/{card}",
        "GET /indicadores/{code}",
        "GET /indicadores/{code}/graficos/{kind}.{format}");
    rule(
        Access.SIGNED_IN,
        "GET /api/me",
        "PUT /api/me/password",
        "POST /salir",
        "GET /api/indicators",
        "GET /api/indicators/{code}",
        "GET /api/indicators/{code}/targets",
        "GET /api/indicators/{code}/targets/applicable",
        "GET /api/indicators/{code}/series",
        "GET /api/indicators/{code}/history",
        "GET /api/indicators/{code}/template.csv",
        "GET /api/progress/indicators/{code}",
        "GET /api/progress/indicators/{code}/gaps",
        "GET /api/progress/plans/{plan}",
        "GET /api/progress/plans/{plan}/axes/{axis}",
        "GET /api/progress/plans/{plan}/actions/{action}",
        "GET /api/surveys",
        "GET /api/surveys/{code}",
        "GET /api/surveys/{code}/waves",
        "GET /api/surveys/{code}/indicators",
        "POST /api/reports",
        "POST /api/reports/{plan}/{period}/versions",
        "GET /revision/{code}",
        "POST /revision/{code}/comentarios");
    rule(
        Access.STAFF,
        "POST /api/plans",
        "PUT /api/plans/{code}",
        "POST /api/plans/import",
        "POST /api/plans/{plan}/axes",
        "PUT /api/plans/{plan}/axes/{axis}",
        "DELETE /api/plans/{plan}/axes/{axis}",
        "POST /api/plans/{plan}/axes/{axis}/actions",
        "PUT /api/plans/{plan}/actions/{action}",
        "DELETE /api/plans/{plan}/actions/{action}",
        "POST /api/plans/{plan}/projects",
        "PUT /api/plans/{plan}/projects/{project}",
        "DELETE /api/plans/{plan}/projects/{project}",
        "POST /api/institutions",
        "PUT /api/institutions/{code}",
        "DELETE /api/institutions/{code}",
        "POST /api/territories",
        "PUT /api/territories/{code}",
        "DELETE /api/territories/{code}",
        "PUT /api/territories/{code}/population",
        "POST /api/territories/population/import",
        "POST /api/indicators",
        "PUT /api/indicators/{code}",
        "DELETE /api/indicators/{code}",
        "PUT /api/indicators/{code}/targets",
        "POST /api/measurements",
        "POST /api/measurements/upload",
        "POST /api/surveys",
        "PUT /api/surveys/{code}",
        "DELETE /api/surveys/{code}",
        "POST /api/surveys/{code}/waves",
        "PUT /api/surveys/{code}/waves/{wave}",
        "DELETE /api/surveys/{code}/waves/{wave}",
        "GET /api/surveys/{code}/mappings",
        "PUT /api/surveys/{code}/mappings/{name}",
        "DELETE /api/surveys/{code}/mappings/{name}",
        "PUT /api/surveys/{code}/indicators/{indicator}",
        "POST /api/surveys/{code}/waves/{wave}/publish",
        "POST /api/surveys/{code}/waves/{wave}/aggregates",
        "POST /api/surveys/{code}/waves/{wave}/microdata",
        "GET /datos",
        "GET /datos/medicion",
        "POST /datos/medicion",
        "GET /datos/cargas",
        "POST /datos/cargas",
        "POST /datos/cargas/confirmar",
        "GET /datos/encuestas",
        "GET /datos/encuestas/{code}",
        "POST /datos/encuestas/{code}",
        "POST /datos/encuestas/{code}/mapeos",
        "POST /datos/encuestas/{code}/confirmar");
    rule(Access.COMMITTEE, "POST /revision/{code}/aprobacion");
    rule(Access.OVERSIGHT, "GET /api/audit", "POST /api/reports/{plan}/{period}/{version}/publish");
    rule(
        Access.ADMIN,
        "DELETE /api/plans/{code}",
        "GET /api/users",
        "POST /api/users",
        "PUT /api/users/{username}",
        "PUT /api/users/{username}/password");
  }

  @Inject Router router;

  @Inject EmbeddedServer server;

  @Inject Csrf csrf;

  private record Route(
      HttpMethod method,
      String uri,
      List<MediaType> consumes,
      List<MediaType> produces,
      String target) {
    String name() {
      return method + " " + uri;
    }
  }

  private List<Route> routes() {
    Map<String, Route> unique = new TreeMap<>();
    router
        .uriRoutes()
        .map(AuthorisationMatrixTest::route)
        .forEach(r -> unique.putIfAbsent(r.name(), r));
    return List.copyOf(unique.values());
  }

  private static Route route(UriRouteInfo<?, ?> info) {
    var method = info.getTargetMethod().getTargetMethod();
    return new Route(
        info.getHttpMethod(),
        info.getUriMatchTemplate().toString(),
        info.getConsumes(),
        info.getProduces(),
        method.getDeclaringClass().getSimpleName() + "#" + method.getName());
  }

  @Test
  void everyRouteIsInTheTable() {
    List<String> missing =
        routes().stream()
            .filter(r -> access(r) == null)
            .map(r -> r.name() + "  (" + r.target() + ")")
            .toList();
    List<String> stale =
        EXPECTED.keySet().stream()
            .filter(n -> routes().stream().noneMatch(r -> r.name().equals(n)))
            .toList();

    assertThat(missing)
        .as(
            "routes without a row in AuthorisationMatrixTest.EXPECTED:%n  %s",
            String.join("\n  ", missing))
        .isEmpty();
    // Rows ahead of their routes (a screen still being built) are only reported.
    stale.forEach(row -> System.out.println("AuthorisationMatrixTest: no route for row " + row));
  }

  @Test
  void everyRouteAnswersEachCallerAsTheTableSays() {
    // Redirects are not followed: a page that sends an anonymous visitor to the login form refuses
    // them just as a 401 does.
    var config = new DefaultHttpClientConfiguration();
    config.setFollowRedirects(false);
    Api api = new Api(HttpClient.create(server.getURL(), config));
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    tokens.put(Caller.ANALYST, api.analystToken());
    tokens.put(Caller.COMMITTEE, api.committeeToken());
    tokens.put(Caller.ADMIN, api.adminToken());
    // A valid CSRF pair (seed cookie and its signed token), so that form posts reach the
    // security check: the matrix is about roles, the CSRF filter has its own tests.
    String seed = "matrix-csrf-seed";
    String csrfToken =
        csrf.token(
            new SimpleHttpRequest<>(HttpMethod.GET, "/", null)
                .cookie(Cookie.of(Csrf.COOKIE, seed)));

    List<String> wrong = new ArrayList<>();
    for (Route route : routes()) {
      Access access = access(route);
      if (access == null) {
        continue; // reported by everyRouteIsInTheTable
      }
      for (Caller caller : Caller.values()) {
        var request = request(route).cookie(Cookie.of(Csrf.COOKIE, seed));
        request.header(Csrf.HEADER, csrfToken);
        if (caller != Caller.ANONYMOUS) {
          request.bearerAuth(tokens.get(caller));
        }
        var reply = api.call(request, String.class);
        int status = reply.status();
        if (status / 100 == 3
            && reply.raw().header("Location") != null
            && reply.raw().header("Location").startsWith("/entrar")) {
          status = 401;
        }
        boolean allowed = access.allowed.contains(caller);
        int refusal = caller == Caller.ANONYMOUS ? 401 : 403;
        boolean ok = allowed ? status != 401 && status != 403 : status == refusal;
        if (!ok || status >= 500) {
          wrong.add(
              String.format(
                  "%s as %s: %d, expected %s",
                  route.name(), caller, status, allowed ? "allowed (no 5xx)" : refusal));
        }
        if (caller != Caller.ANONYMOUS && route.method() != HttpMethod.GET) {
          // A logout route ends the token it was called with: sign in again for the next rows.
          if (api.call(HttpRequest.GET("/api/me").bearerAuth(tokens.get(caller)), Map.class)
                  .status()
              == 401) {
            tokens.put(caller, relogin(api, caller));
          }
        }
      }
    }

    assertThat(wrong)
        .as("answers that break the table:%n  %s", String.join("\n  ", wrong))
        .isEmpty();
  }

  /** A HEAD route is its GET without the body: same rule, unless the table says otherwise. */
  private static Access access(Route route) {
    Access access = EXPECTED.get(route.name());
    if (access == null && route.method() == HttpMethod.HEAD) {
      return EXPECTED.get("GET " + route.uri());
    }
    return access;
  }

  private static String relogin(Api api, Caller caller) {
    return switch (caller) {
      case ANALYST -> api.analystToken();
      case COMMITTEE -> api.committeeToken();
      case ADMIN -> api.adminToken();
      case ANONYMOUS -> throw new IllegalArgumentException("anonymous callers have no token");
    };
  }

  /** The route with placeholders in its path and the kind of body it reads, left empty. */
  private static MutableHttpRequest<?> request(Route route) {
    String uri = route.uri().replaceAll("\\{[^}]*}", "zz-none");
    // Ask for what the route produces: a mismatch is refused (406) before the security check.
    MediaType accept =
        route.produces().isEmpty() ? MediaType.APPLICATION_JSON_TYPE : route.produces().get(0);
    if (route.method() == HttpMethod.GET
        || route.method() == HttpMethod.HEAD
        || route.method() == HttpMethod.DELETE) {
      return HttpRequest.create(route.method(), uri).accept(accept);
    }
    MediaType type =
        route.consumes().isEmpty() ? MediaType.APPLICATION_JSON_TYPE : route.consumes().get(0);
    var request = HttpRequest.create(route.method(), uri).contentType(type).accept(accept);
    return switch (type.toString()) {
      case MediaType.APPLICATION_JSON -> request.body("{}");
      case MediaType.MULTIPART_FORM_DATA ->
          request.body(MultipartBody.builder().addPart("placeholder", "").build());
      default -> request.body("");
    };
  }
}
