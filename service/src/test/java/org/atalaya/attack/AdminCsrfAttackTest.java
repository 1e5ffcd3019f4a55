package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * Another site makes a signed-in administrator's browser post the administration forms: without a
 * token, with a made-up one, or with a valid token of the attacker's own browser. Each is refused
 * (403) and nothing changes: no account, no token, no revocation.
 */
@MicronautTest(environments = "test")
class AdminCsrfAttackTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  @SuppressWarnings("unchecked")
  void crossSiteAdministrationPostsChangeNothing() {
    Api api = new Api(client);
    String adminToken = api.adminToken();
    String account = "svc-csrf-" + System.nanoTime();
    api.call(
        HttpRequest.POST("/api/service-accounts", Map.of("username", account, "role", "ANALYST"))
            .bearerAuth(adminToken),
        Map.class);
    var issued =
        api.call(
                HttpRequest.POST(
                        "/api/service-accounts/" + account + "/tokens", Map.of("name", "real"))
                    .bearerAuth(adminToken),
                Map.class)
            .value();
    String secret = (String) issued.get("secret");
    long id = ((Number) ((Map<String, Object>) issued.get("token")).get("id")).longValue();

    FormClient victim = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
    api.analystToken();
    FormClient attacker = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String attackersOwnToken = FormClient.csrf(attacker.get("/").body());
    String intruder = "intruso-" + System.nanoTime();

    for (String token : new String[] {null, "forjado", attackersOwnToken}) {
      var create =
          victim.post(
              "/admin/usuarios",
              with(
                  token,
                  Map.of("username", intruder, "password", "clave-del-intruso", "role", "ADMIN")));
      var issue =
          victim.post(
              "/admin/cuentas-servicio/" + account + "/tokens",
              with(token, Map.of("name", "robado")));
      var revoke =
          victim.post(
              "/admin/cuentas-servicio/" + account + "/tokens/" + id + "/revocar",
              with(token, Map.of("reason", "sabotaje")));
      var demote =
          victim.post(
              "/admin/usuarios/test-nobody",
              with(token, Map.of("role", "ANALYST", "enabled", "false")));
      for (var answer : List.of(create, issue, revoke, demote)) {
        assertThat(answer.statusCode()).as("token %s", token).isEqualTo(403);
      }
    }

    var users = api.call(HttpRequest.GET("/api/users").bearerAuth(adminToken), List.class).value();
    assertThat(users.toString()).doesNotContain(intruder);
    var tokens =
        api.call(
                HttpRequest.GET("/api/service-accounts/" + account + "/tokens")
                    .bearerAuth(adminToken),
                List.class)
            .value();
    assertThat(tokens).hasSize(1);
    assertThat(tokens.toString()).contains("state=ACTIVE").doesNotContain("robado");
    assertThat(api.call(HttpRequest.GET("/api/me").bearerAuth(secret), Map.class).status())
        .isEqualTo(200);
  }

  private static Map<String, String> with(String token, Map<String, String> fields) {
    var all = new java.util.LinkedHashMap<>(fields);
    if (token != null) {
      all.put("_csrf", token);
    }
    return all;
  }
}
