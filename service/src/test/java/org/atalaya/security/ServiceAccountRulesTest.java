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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a service account may not be or do: sign in with a password, have one reset, be an
 * administrator, reach the administration API; and bad token requests named field by field.
 */
@MicronautTest(environments = "test")
class ServiceAccountRulesTest {
  @Inject
  @Client("/")
  HttpClient client;

  ServiceAccountFixture fixture;
  Api api;
  String admin;
  String account;

  @BeforeEach
  void serviceAccount() {
    fixture = ServiceAccountFixture.analystServiceAccount(client);
    api = fixture.api;
    admin = fixture.admin;
    account = fixture.account;
  }

  private Api.Reply<Map> issue(String name, int days) {
    return fixture.issue(name, days);
  }

  private static String secret(Api.Reply<Map> issued) {
    return ServiceAccountFixture.secret(issued);
  }

  @Test
  void nobodySignsInAsAServiceAccountWithAPassword() {
    var login =
        api.call(
            HttpRequest.POST(
                "/login", Map.of("username", account, "password", "cualquier-clave-larga")),
            Map.class);
    var reset =
        api.call(
            HttpRequest.PUT(
                    "/api/users/" + account + "/password",
                    Map.of("password", "una-clave-muy-larga", "reason", "prueba"))
                .bearerAuth(admin),
            Map.class);

    assertThat(login.status()).isEqualTo(401);
    assertThat(reset.status()).isEqualTo(409);
    assertThat(reset.error().errors().get(0).message()).contains("cuenta de servicio");
  }

  @Test
  void aServiceAccountCannotBeAnAdministratorNorReachAdministration() {
    var adminAccount =
        api.call(
            HttpRequest.POST(
                    "/api/service-accounts", Map.of("username", account + "-adm", "role", "ADMIN"))
                .bearerAuth(admin),
            Map.class);
    var promoted =
        api.call(
            HttpRequest.PUT("/api/users/" + account, Map.of("role", "ADMIN", "enabled", true))
                .bearerAuth(admin),
            Map.class);
    String secret = secret(issue("curioso", 30));
    var users = api.call(HttpRequest.GET("/api/users").bearerAuth(secret), List.class);
    var selfIssue =
        api.call(
            HttpRequest.POST("/api/service-accounts/" + account + "/tokens", Map.of("name", "otro"))
                .bearerAuth(secret),
            Map.class);

    assertThat(adminAccount.status()).isEqualTo(422);
    assertThat(promoted.status()).isEqualTo(422);
    assertThat(users.status()).isEqualTo(403);
    assertThat(selfIssue.status()).isEqualTo(403);
  }

  @Test
  void badTokenRequestsNameTheirFields() {
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/service-accounts/" + account + "/tokens",
                    Map.of("name", " ", "expiresInDays", 4000))
                .header("Accept-Language", "en")
                .bearerAuth(admin),
            Map.class);
    var unknown =
        api.call(
            HttpRequest.POST("/api/service-accounts/no-such-svc/tokens", Map.of("name", "x"))
                .bearerAuth(admin),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting(v -> v.field() + ": " + v.message())
        .containsExactlyInAnyOrder(
            "name: is required", "expiresInDays: must be a number of days from 1 to 366");
    assertThat(unknown.status()).isEqualTo(404);
  }
}
