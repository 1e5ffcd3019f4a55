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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * committee member and an administrator, against the access the tables in {@code
 * src/test/resources/authorisation/} expect. A route missing from the table fails by name, so a new
 * route cannot ship without someone deciding who may call it. Placeholders keep every call
 * harmless: unknown codes, and bodies that fail validation only after the security check.
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
    for (String area :
        List.of("core", "pages", "admin", "approval", "plans", "reports", "work", "home")) {
      String resource = "authorisation/" + area + ".txt";
      try (var in = AuthorisationMatrixTest.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing " + resource);
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String rule = line.strip();
          if (!rule.isEmpty() && !rule.startsWith("#")) {
            int space = rule.indexOf(' ');
            rule(Access.valueOf(rule.substring(0, space)), rule.substring(space + 1).strip());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
    // Some answers are whole files (the open export's zip of the shared test database passes
    // the client's default 10 MB).
    config.setMaxContentLength(256 * 1024 * 1024);
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
