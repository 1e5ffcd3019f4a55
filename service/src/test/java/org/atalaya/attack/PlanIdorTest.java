package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * IDOR: an analyst who knows (or guesses) the code of another team's restricted draft plan gets
 * "not found" from every route that names it — read, list, change, parts, progress, page — and the
 * plan is unchanged; its members and administrators work on it; once published, everyone reads it
 * but still only members change it.
 */
@MicronautTest(environments = "test")
class PlanIdorTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aRestrictedDraftIsNotFoundForStaffOutsideIt() {
    Api api = new Api(client);
    String admin = api.adminToken();
    String member = api.staffToken("idor-member", "ANALYST");
    String outsider = api.staffToken("idor-outsider", "ANALYST");
    String committee = api.staffToken("idor-committee", "COMMITTEE");
    String plan = "IDOR-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> header =
        Map.of(
            "code", plan,
            "name", "Plan reservado",
            "territory", "LCH",
            "periodStart", "2025-01-01",
            "periodEnd", "2027-12-31");
    assertThat(
            api.call(HttpRequest.POST("/api/plans", header).bearerAuth(member), Map.class).status())
        .isEqualTo(201);
    var set =
        api.call(
            HttpRequest.PUT("/api/plans/" + plan + "/members", List.of("idor-member"))
                .bearerAuth(admin),
            String.class);
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.value()).isEqualTo("[\"idor-member\"]");

    for (String stranger : List.of(outsider, committee)) {
      assertThat(status(api, HttpRequest.GET("/api/plans/" + plan), stranger)).isEqualTo(404);
      assertThat(status(api, HttpRequest.GET("/api/plans/" + plan + "/export"), stranger))
          .isEqualTo(404);
      assertThat(status(api, HttpRequest.GET("/api/plans/" + plan + "/axes"), stranger))
          .isEqualTo(404);
      assertThat(status(api, HttpRequest.GET("/api/progress/plans/" + plan), stranger))
          .isEqualTo(404);
      assertThat(
              api.call(
                      HttpRequest.GET("/planes/" + plan).bearerAuth(stranger).accept("text/html"),
                      String.class)
                  .status())
          .isEqualTo(404);
      assertThat(api.call(HttpRequest.GET("/api/plans").bearerAuth(stranger), List.class).value())
          .extracting(p -> ((Map<?, ?>) p).get("code"))
          .doesNotContain(plan)
          .contains("LCH-PISCC-2025");
    }
    Map<String, Object> renamed = new java.util.HashMap<>(header);
    renamed.put("name", "Cambiado por quien no debía");
    assertThat(status(api, HttpRequest.PUT("/api/plans/" + plan, renamed), outsider))
        .isEqualTo(404);
    assertThat(
            status(
                api,
                HttpRequest.POST(
                    "/api/plans/" + plan + "/axes",
                    Map.of("code", "INTRUSO", "name", "Eje intruso")),
                outsider))
        .isEqualTo(404);
    Map<?, ?> read =
        api.call(HttpRequest.GET("/api/plans/" + plan).bearerAuth(member), Map.class).value();
    assertThat(((Map<?, ?>) read.get("plan")).get("name")).isEqualTo("Plan reservado");
    assertThat((List<?>) read.get("axes")).hasSize(5);
    assertThat(status(api, HttpRequest.GET("/api/plans/" + plan), admin)).isEqualTo(200);
    assertThat(status(api, HttpRequest.GET("/api/progress/plans/" + plan), member)).isEqualTo(200);

    Map<String, Object> published = new java.util.HashMap<>(header);
    published.put("status", "PUBLISHED");
    assertThat(status(api, HttpRequest.PUT("/api/plans/" + plan, published), admin)).isEqualTo(200);
    assertThat(status(api, HttpRequest.GET("/api/plans/" + plan), outsider)).isEqualTo(200);
    renamed.put("status", "PUBLISHED");
    assertThat(status(api, HttpRequest.PUT("/api/plans/" + plan, renamed), outsider))
        .isEqualTo(404);
    assertThat(status(api, HttpRequest.PUT("/api/plans/" + plan, renamed), member)).isEqualTo(202);
  }

  @Test
  void membersMustBeExistingAccountsAndOnlyAdministratorsSetThem() {
    Api api = new Api(client);
    String admin = api.adminToken();
    String analyst = api.analystToken();
    var unknown =
        api.call(
            HttpRequest.PUT(
                    "/api/plans/LCH-PISCC-2025/members", List.of("test-analyst", "nadie-asi"))
                .bearerAuth(admin),
            Map.class);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.error().errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("nadie-asi"));
    assertThat(
            api.call(
                    HttpRequest.GET("/api/plans/LCH-PISCC-2025/members").bearerAuth(admin),
                    String.class)
                .value())
        .isEqualTo("[]");
    assertThat(
            status(
                api,
                HttpRequest.PUT("/api/plans/LCH-PISCC-2025/members", List.of("test-analyst")),
                analyst))
        .isEqualTo(403);
  }

  private static int status(
      Api api, io.micronaut.http.MutableHttpRequest<?> request, String token) {
    return api.call(request.bearerAuth(token).accept("application/json"), String.class).status();
  }
}
