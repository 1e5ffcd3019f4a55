package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/** Login by form, the session cookie, logout that ends the token, and CSRF on form posts. */
@MicronautTest(environments = "test")
class WebSessionTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theLoginFormSetsAProtectedCookieAndTheMenuShowsTheUser() {
    Browser browser = new Browser(server.getURI());
    var answer = browser.login("admin", Api.ADMIN_PASSWORD);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    assertThat(answer.headers().firstValue("location")).contains("/");
    String cookie =
        Browser.setCookies(answer).stream()
            .filter(c -> c.startsWith("ATALAYA_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("Secure")
        .containsIgnoringCase("SameSite=Strict");
    var home = browser.get("/");
    assertThat(home.body()).contains("Sesión de admin").contains("Salir");
  }

  @Test
  void aWrongPasswordShowsASpanishMessageNotAStackTrace() {
    new Api(client).analystToken();
    Browser browser = new Browser(server.getURI());
    var answer = browser.login("test-analyst", "not-the-password");

    assertThat(answer.statusCode()).isEqualTo(303);
    String location = answer.headers().firstValue("location").orElseThrow();
    var page = browser.get(location);
    assertThat(page.body())
        .contains("Usuario o contraseña incorrectos.")
        .doesNotContain("Exception");
    assertThat(browser.cookies).doesNotContainKey("ATALAYA_SESSION");
    new Api(client).analystToken(); // a success clears the failure count for other tests
  }

  @Test
  void logoutMakesTheOldCookieUseless() {
    Browser browser = new Browser(server.getURI());
    browser.login("admin", Api.ADMIN_PASSWORD);
    String stolen = browser.cookies.get("ATALAYA_SESSION");
    assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(200);

    var out = browser.post("/salir", Map.of("_csrf", Browser.csrf(browser.get("/").body())));

    assertThat(out.statusCode()).as(out.body()).isEqualTo(303);
    assertThat(browser.cookies).doesNotContainKey("ATALAYA_SESSION");
    Browser thief = new Browser(server.getURI());
    thief.cookies.put("ATALAYA_SESSION", stolen);
    assertThat(thief.get("/api/me", "application/json").statusCode()).isEqualTo(401);
    assertThat(thief.get("/").body()).doesNotContain("Sesión de admin");
  }

  @Test
  void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    Browser browser = new Browser(server.getURI());
    browser.login("admin", Api.ADMIN_PASSWORD);

    var refused = browser.post("/salir", Map.of());
    var forged = browser.post("/salir", Map.of("_csrf", "forged"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("código de seguridad");
    assertThat(browser.get("/api/me", "application/json").statusCode())
        .as("the session was not ended by the refused posts")
        .isEqualTo(200);
    Browser stranger = new Browser(server.getURI());
    var loginWithoutToken =
        stranger.post("/login", Map.of("username", "admin", "password", Api.ADMIN_PASSWORD));
    assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    assertThat(stranger.cookies).doesNotContainKey("ATALAYA_SESSION");
  }

  @Test
  void theApiStillLogsInWithJsonAndAcceptsBearerWritesWithoutCsrf() {
    Api api = new Api(client);
    String token = api.adminToken();
    assertThat(token).isNotBlank();
    var me = api.call(io.micronaut.http.HttpRequest.GET("/api/me").bearerAuth(token), Map.class);
    assertThat(me.status()).isEqualTo(200);
  }
}
