package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator's change to an account takes effect on the tokens the person already holds. */
@MicronautTest(environments = "test")
class UserAdministrationTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String user;
  String token;

  @BeforeEach
  void anAnalystSignedIn() {
    api = new Api(client);
    admin = api.adminToken();
    user = "test-admin-of-" + Long.toString(System.nanoTime(), 36);
    token = api.staffToken(user, "ANALYST");
    assertThat(me(token)).isEqualTo(200);
  }

  private int me(String bearer) {
    return api.call(HttpRequest.GET("/api/me").bearerAuth(bearer), Map.class).status();
  }

  private Api.Reply<Map> change(String username, String role, boolean enabled) {
    return api.call(
        HttpRequest.PUT(
                "/api/users/" + username,
                Map.of("role", role, "enabled", enabled, "reason", "prueba"))
            .bearerAuth(admin),
        Map.class);
  }

  private int login(String password) {
    return api.call(
            HttpRequest.POST("/login", Map.of("username", user, "password", password)), Map.class)
        .status();
  }

  @Test
  void aDisabledUsersTokenStopsWorkingAtOnceAndTheyCannotSignIn() {
    var reply = change(user, "ANALYST", false);

    assertThat(reply.value()).containsEntry("enabled", false);
    assertThat(me(token)).isEqualTo(401);
    assertThat(login(Api.STAFF_PASSWORD)).isEqualTo(401);

    change(user, "ANALYST", true);
    assertThat(login(Api.STAFF_PASSWORD)).isEqualTo(200);
  }

  @Test
  void aRoleChangeEndsTheTokensThatCarryTheOldRole() {
    change(user, "COMMITTEE", true);

    assertThat(me(token)).isEqualTo(401);
    String fresh = api.login(user, Api.STAFF_PASSWORD);
    assertThat(
            api.call(HttpRequest.GET("/api/me").bearerAuth(fresh), Map.class).value().get("roles"))
        .isEqualTo(List.of("COMMITTEE"));
  }

  @Test
  void aPasswordResetEndsExistingTokensAndTheNewPasswordWorks() throws InterruptedException {
    var reset =
        api.call(
            HttpRequest.PUT(
                    "/api/users/" + user + "/password",
                    Map.of("password", "a-reset-password-1", "reason", "olvidó la contraseña"))
                .bearerAuth(admin),
            Map.class);

    assertThat(reset.status()).isEqualTo(204);
    assertThat(me(token)).isEqualTo(401);
    assertThat(login(Api.STAFF_PASSWORD)).isEqualTo(401);
    Thread.sleep(1100); // tokens count again from the second after the reset
    assertThat(me(api.login(user, "a-reset-password-1"))).isEqualTo(200);
  }

  @Test
  void onlyAdministratorsChangeAccountsAndUnknownUsersAreNamed() {
    var byAnalyst =
        api.call(
            HttpRequest.PUT("/api/users/" + user, Map.of("role", "ADMIN", "enabled", true))
                .bearerAuth(token),
            Map.class);
    var unknown = change("nobody-" + user, "ANALYST", false);

    assertThat(byAnalyst.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error().detail()).contains("nobody-" + user);
  }

  @Test
  void theLastActiveAdministratorCannotBeDisabledOrDemoted() {
    long admins =
        api.call(HttpRequest.GET("/api/users").bearerAuth(admin), List.class).value().stream()
            .filter(u -> "ADMIN".equals(((Map<?, ?>) u).get("role")))
            .filter(u -> Boolean.TRUE.equals(((Map<?, ?>) u).get("enabled")))
            .count();
    Assumptions.assumeTrue(admins == 1, "another test made a second administrator");

    var disable = change("admin", "ADMIN", false);
    var demote = change("admin", "ANALYST", true);

    assertThat(disable.status()).isEqualTo(409);
    assertThat(demote.status()).isEqualTo(409);
    assertThat(disable.error().errors().get(0).message()).contains("único administrador activo");
    assertThat(me(admin)).isEqualTo(200);
  }
}
