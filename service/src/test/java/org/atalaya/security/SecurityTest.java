package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class SecurityTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;

  private Api api() {
    if (api == null) {
      api = new Api(client);
    }
    return api;
  }

  private static Map<String, Object> institution(String code) {
    return Map.of("code", code, "name", "Institución de prueba " + code, "kind", "NATIONAL");
  }

  @Test
  void anonymousWriteIsRefusedWith401AndNothingIsStored() {
    var reply =
        api().call(HttpRequest.POST("/api/institutions", institution("SEC-ANON")), Map.class);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.error().title()).isEqualTo("Se requiere autenticación");
    assertThat(api().get("/api/institutions/SEC-ANON", Map.class).status()).isEqualTo(404);
  }

  @Test
  void analystTokenIsAcceptedForWrites() {
    String code = "SEC-AN-" + System.nanoTime();
    var reply =
        api()
            .call(
                HttpRequest.POST("/api/institutions", institution(code))
                    .bearerAuth(api().analystToken()),
                Map.class);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(api().get("/api/institutions/" + code, Map.class).value())
        .containsEntry("name", "Institución de prueba " + code);
  }

  @Test
  void committeeMayReadButNotWriteDefinitions() {
    String token = api().committeeToken();

    var write =
        api()
            .call(
                HttpRequest.POST("/api/institutions", institution("SEC-COMMITTEE"))
                    .bearerAuth(token),
                Map.class);
    var read = api().call(HttpRequest.GET("/api/me").bearerAuth(token), Map.class);

    assertThat(write.status()).isEqualTo(403);
    assertThat(write.error().detail()).isEqualTo("Su rol no permite esta operación.");
    assertThat(read.value()).containsEntry("username", "test-committee");
  }

  @Test
  void onlyAdministratorsCreateUsers() {
    var byAnalyst =
        api()
            .call(
                HttpRequest.POST(
                        "/api/users",
                        Map.of(
                            "username", "x-user", "password", "long-enough-pass", "role", "ADMIN"))
                    .bearerAuth(api().analystToken()),
                Map.class);

    assertThat(byAnalyst.status()).isEqualTo(403);
  }

  @Test
  void shortPasswordsAreRefusedNamingTheField() {
    var reply =
        api()
            .call(
                HttpRequest.POST(
                        "/api/users",
                        Map.of("username", "short-pw", "password", "abc", "role", "ANALYST"))
                    .header("Accept-Language", "en")
                    .bearerAuth(api().adminToken()),
                Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .anySatisfy(
            v -> {
              assertThat(v.field()).isEqualTo("password");
              assertThat(v.message()).isEqualTo("must have between 12 and 200 characters or items");
            });
  }

  @Test
  void wrongPasswordGetsA401InTheCallersLanguage() {
    var reply =
        api()
            .call(
                HttpRequest.POST(
                        "/login", Map.of("username", "admin", "password", "not-the-password"))
                    .header("Accept-Language", "en"),
                Map.class);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().detail()).isEqualTo("Wrong username or password.");
  }

  @Test
  void fiveFailuresLockTheAccountEvenForTheRightPassword() {
    String user = "test-lockout-" + System.nanoTime();
    api().staffToken(user, "ANALYST");
    for (int i = 0; i < DatabaseAuthenticationProvider.MAX_FAILURES; i++) {
      api()
          .call(
              HttpRequest.POST("/login", Map.of("username", user, "password", "wrong-" + i)),
              Map.class);
    }

    var reply =
        api()
            .call(
                HttpRequest.POST(
                    "/login", Map.of("username", user, "password", Api.STAFF_PASSWORD)),
                Map.class);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().detail()).contains("bloqueada");
  }

  @Test
  void passwordsAreStoredAsArgon2idHashes() throws Exception {
    api().analystToken();
    var db = TestDatabaseSession.database();
    try (var c = DriverManager.getConnection(db.url, db.username, db.password);
        var s = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
      s.setString(1, "test-analyst");
      var rs = s.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain(Api.STAFF_PASSWORD);
    }
  }

  @Test
  void aSignedInUserChangesTheirOwnPasswordKnowingTheCurrentOne() {
    String user = "test-pw-" + System.nanoTime();
    String token = api().staffToken(user, "COMMITTEE");
    String next = "a-brand-new-password";

    var wrong =
        api()
            .call(
                HttpRequest.PUT(
                        "/api/me/password", Map.of("current", "guess-guess-guess", "next", next))
                    .bearerAuth(token),
                Map.class);
    var right =
        api()
            .call(
                HttpRequest.PUT(
                        "/api/me/password", Map.of("current", Api.STAFF_PASSWORD, "next", next))
                    .bearerAuth(token),
                Map.class);

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(right.status()).isEqualTo(204);
    assertThat(api().login(user, next)).isNotBlank();
  }

  @Test
  void managementInternalsAreNotExposedEvenToAdministrators() {
    String admin = api().adminToken();
    for (String path :
        List.of("/beans", "/loggers", "/routes", "/env", "/threaddump", "/refresh")) {
      assertThat(api().call(HttpRequest.GET(path).bearerAuth(admin), String.class).status())
          .as(path)
          .isEqualTo(404);
    }
  }
}
