package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import java.util.Map;
import org.atalaya.testsupport.Api;

/** A fresh ANALYST service account, made by the administrator over HTTP, and its tokens. */
final class ServiceAccountFixture {
  final Api api;
  final String admin;
  final String account;

  private ServiceAccountFixture(Api api, String admin, String account) {
    this.api = api;
    this.admin = admin;
    this.account = account;
  }

  static ServiceAccountFixture analystServiceAccount(HttpClient client) {
    Api api = new Api(client);
    String admin = api.adminToken();
    String account = "svc-carga-" + System.nanoTime();
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/service-accounts",
                    Map.of("username", account, "role", "ANALYST", "reason", "carga nocturna"))
                .bearerAuth(admin),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.value()).containsEntry("serviceAccount", true);
    return new ServiceAccountFixture(api, admin, account);
  }

  Api.Reply<Map> issue(String name, int days) {
    return api.call(
        HttpRequest.POST(
                "/api/service-accounts/" + account + "/tokens",
                Map.of("name", name, "expiresInDays", days, "reason", "script de la policía"))
            .bearerAuth(admin),
        Map.class);
  }

  static String secret(Api.Reply<Map> issued) {
    assertThat(issued.status()).isEqualTo(201);
    return (String) issued.value().get("secret");
  }

  @SuppressWarnings("unchecked")
  static long id(Api.Reply<Map> issued) {
    return ((Number) ((Map<String, Object>) issued.value().get("token")).get("id")).longValue();
  }

  int me(String token) {
    return api.call(HttpRequest.GET("/api/me").bearerAuth(token), Map.class).status();
  }
}
