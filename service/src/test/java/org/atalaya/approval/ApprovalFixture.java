package org.atalaya.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;

/** Calls the approval tests share, over real HTTP, with fresh codes per test. */
abstract class ApprovalFixture {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String committee;
  String suffix;

  @BeforeEach
  void signIn() {
    api = new Api(client);
    admin = api.adminToken();
    committee = api.committeeToken();
    suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  /** An analyst of the given institution (null: none), signed in. */
  String analystOf(String username, String institution) {
    String token = api.staffToken(username, "ANALYST");
    var set =
        api.call(
            HttpRequest.PUT(
                    "/api/users/" + username + "/institution",
                    institution == null ? Map.of() : Map.of("institution", institution))
                .bearerAuth(admin),
            Map.class);
    assertThat(set.status()).as("%s", set.problem()).isEqualTo(200);
    return token;
  }

  void institution(String code) {
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/institutions",
                    Map.of("code", code, "name", "Institución " + code, "kind", "NATIONAL"))
                .bearerAuth(admin),
            Map.class);
    assertThat(created.status()).as("%s", created.problem()).isEqualTo(201);
  }

  void measure(String token, String indicator, String period, String territory, int value) {
    var row =
        Map.of("indicator", indicator, "period", period, "territory", territory, "value", value);
    var reply =
        api.call(HttpRequest.POST("/api/measurements", List.of(row)).bearerAuth(token), Map.class);
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
  }

  Api.Reply<Map> validate(String token, String indicator, String period, Map<String, ?> body) {
    return api.call(
        HttpRequest.POST(
                "/api/indicators/" + indicator + "/periods/" + period + "/validation", body)
            .bearerAuth(token),
        Map.class);
  }

  static String refusal(Api.Reply<?> reply) {
    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(403);
    return reply.error().errors().get(0).message();
  }
}
