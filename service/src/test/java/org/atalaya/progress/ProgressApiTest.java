package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Measurements in, a revision, and the committee's "how are we doing?" follows. */
@MicronautTest(environments = "test")
class ProgressApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String code;

  @BeforeEach
  void indicatorWithTarget() {
    api = new Api(client);
    analyst = api.analystToken();
    code = "PROG-" + Long.toString(System.nanoTime(), 36);
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    // The demo plan is published: the targets are proposed, and in force once approved.
    api.inForce(
        HttpRequest.PUT(
                "/api/indicators/" + code + "/targets",
                List.of(
                    Map.of(
                        "territory", "LCH",
                        "baseline", Map.of("period", "2024-01-01", "value", 10),
                        "target", Map.of("period", "2026-01-01", "value", 20))))
            .bearerAuth(analyst));
  }

  private void upload(String rows) {
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/measurements/upload?file=avance.csv",
                    "indicador,periodo,sexo,territorio,valor\n" + rows)
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    assertThat(reply.status()).isEqualTo(200);
  }

  private Map<String, Object> progress() {
    return (Map<String, Object>)
        api.call(
                HttpRequest.GET("/api/progress/indicators/" + code + "?asOf=2025-07-01")
                    .bearerAuth(analyst),
                Map.class)
            .value()
            .get("progress");
  }

  @Test
  void aRevisionShowsUpInTheNextProgressAnswer() {
    upload(code + ",2025-05,_T,LCH,15\n" + code + ",2025-06,_T,LCH,16\n");
    Map<String, Object> before = progress();

    upload(code + ",2025-06,_T,LCH,19\n");
    Map<String, Object> after = progress();

    // Baseline 10 (2024-01), target 20 (2026-01). On 2025-07-01 the trajectory asks for about
    // three quarters of the way (17.5). The latest value, 16, is 60% of the way: at risk
    // (more than 10 points behind, no more than 25). Revised to 19 it is 90%: on track.
    assertThat(((Map<?, ?>) before.get("latest")).get("value")).isEqualTo(16.0);
    assertThat((Double) before.get("achievement")).isCloseTo(0.6, within(1e-9));
    assertThat((Double) before.get("expectedAchievement")).isCloseTo(0.75, within(0.01));
    assertThat(before.get("status")).isEqualTo("AT_RISK");
    assertThat(((Map<?, ?>) after.get("latest")).get("value")).isEqualTo(19.0);
    assertThat((Double) after.get("achievement")).isCloseTo(0.9, within(1e-9));
    assertThat(after.get("status")).isEqualTo("ON_TRACK");
  }

  @Test
  void withFewerThanThreePointsThereIsNoForecastAndTheAnswerSaysWhy() {
    upload(code + ",2025-06,_T,LCH,16\n");

    assertThat(((Map<?, ?>) progress().get("forecast")).get("outcome")).isEqualTo("TOO_FEW_POINTS");
  }

  @Test
  void thePlanRollsUpItsAxesAndCountsCellsWithoutData() {
    Map<String, Object> plan =
        api.call(
                HttpRequest.GET("/api/progress/plans/LCH-PISCC-2025?asOf=2026-06-01")
                    .bearerAuth(analyst),
                Map.class)
            .value();

    Map<String, Object> rollUp = (Map<String, Object>) plan.get("progress");
    assertThat(rollUp.get("rule")).isEqualTo(RollUps.RULE);
    assertThat((List<?>) plan.get("children")).hasSize(5);
    assertThat(((Map<String, Object>) rollUp.get("cells")).keySet())
        .contains("NO_DATA", "ON_TRACK", "AT_RISK", "OFF_TRACK", "ACHIEVED", "NO_TARGET");
    // The tree's nodes keep their own fields: axes and cards are levels, a card's leaves are
    // indicators with their progress.
    var axis = (Map<String, Object>) ((List<?>) plan.get("children")).get(0);
    assertThat(axis).containsEntry("level", "axis").containsKeys("code", "name", "progress");
    var card = (Map<String, Object>) ((List<?>) axis.get("children")).get(0);
    assertThat(card).containsEntry("level", "action");
    var leaf = (Map<String, Object>) ((List<?>) card.get("children")).get(0);
    assertThat(leaf).containsKeys("indicator", "unit", "sex", "territory", "progress");
    assertThat(leaf).doesNotContainKey("children");
  }

  @Test
  void badQuestionsGetClearAnswers() {
    String token = analyst;
    var unknownPlan =
        api.call(HttpRequest.GET("/api/progress/plans/NOPE").bearerAuth(token), Map.class);
    var badSex =
        api.call(
            HttpRequest.GET("/api/progress/indicators/" + code + "?sex=X").bearerAuth(token),
            Map.class);
    var badDate =
        api.call(
            HttpRequest.GET("/api/progress/indicators/" + code + "?asOf=2025-13-01")
                .bearerAuth(token),
            Map.class);
    var beforeBaseline =
        api.call(
            HttpRequest.GET("/api/progress/indicators/" + code + "?asOf=2023-01-01")
                .bearerAuth(token),
            Map.class);
    var anonymous = api.get("/api/progress/plans/LCH-PISCC-2025", Map.class);

    assertThat(unknownPlan.status()).isEqualTo(404);
    assertThat(badSex.status()).isEqualTo(400);
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(beforeBaseline.status()).isEqualTo(400);
    assertThat(beforeBaseline.error().errors().get(0).message())
        .isEqualTo("la fecha de corte es anterior a la línea de base (1 ene. 2024)");
    assertThat(anonymous.status()).isEqualTo(401);
  }
}
