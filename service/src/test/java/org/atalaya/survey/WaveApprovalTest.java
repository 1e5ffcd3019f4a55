package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wave's estimates go provisional → validated → published like measurements (docs/approval.md):
 * publishing needs the validation, the analyst who loaded the figures cannot validate them, a
 * change makes them provisional again, and a published wave's figures no longer change.
 */
@MicronautTest(environments = "test")
class WaveApprovalTest extends SurveyFixture {

  @Test
  void typedInFiguresAreValidatedBeforeTheWaveIsPublishedAndThenStayAsTheyAre() {
    String code = "APR-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2019", "2019-01-01", "2019-12-31");
    String committee = api.committeeToken();
    String admin = api.adminToken();
    String base = "/api/surveys/" + code + "/waves/2019";

    var empty = call("POST", base + "/validation", committee);
    created(post(base + "/aggregates", List.of(figure(0.42))));
    var loaded = call("GET", base + "/validation", analyst);
    var provisionalTable = estimates(code, "2019", "item=inseguro", analyst);
    var unvalidated = post(base + "/publish", Map.of());
    var byLoader = call("POST", base + "/validation", analyst);
    var validated = call("POST", base + "/validation", committee);
    created(post(base + "/aggregates", List.of(figure(0.43))));
    var changed = call("GET", base + "/validation", analyst);
    var again = call("POST", base + "/validation", committee);
    var published = post(base + "/publish", Map.of());
    var status = call("GET", base + "/validation", analyst);
    var late = post(base + "/aggregates", List.of(figure(0.50)));
    var withdrawal = call("DELETE", base + "/validation", committee);
    var audit =
        api.call(
                HttpRequest.GET("/api/audit?entity=surveyWaveValidation&key=" + code + "/2019")
                    .bearerAuth(admin),
                Map.class)
            .value();

    assertThat(empty.status()).as("nothing loaded yet").isEqualTo(422);
    assertThat(loaded.value()).containsEntry("status", "PROVISIONAL");
    assertThat(loaded.value()).containsEntry("changedBy", "test-analyst");
    assertThat(unvalidated.status()).isEqualTo(409);
    assertThat(unvalidated.error().errors().get(0).message())
        .contains("no están validadas: se validan antes de publicarla");
    assertThat(byLoader.status()).isEqualTo(403);
    assertThat(byLoader.error().errors().get(0).message())
        .contains("Solo los miembros del comité validan");
    assertThat(validated.value())
        .containsEntry("status", "VALIDATED")
        .containsEntry("validatedBy", "test-committee");
    assertThat(changed.value()).containsEntry("status", "PROVISIONAL");
    assertThat(again.status()).isEqualTo(200);
    assertThat(published.status()).as("%s", published.problem()).isEqualTo(200);
    assertThat(status.value()).containsEntry("status", "PUBLISHED");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.error().errors().get(0).message()).contains("ya está publicada");
    assertThat(withdrawal.status()).isEqualTo(409);
    assertThat(provisionalTable).containsEntry("status", "PROVISIONAL");
    assertThat(estimates(code, "2019", "item=inseguro", null)).containsEntry("status", "PUBLISHED");
    assertThat(cell(estimates(code, "2019", "item=inseguro", null)).get("estimate"))
        .as("the public reads the validated figure")
        .isEqualTo(0.43);
    assertThat((List<?>) audit.get("entries")).as("validated, changed, validated").hasSize(3);
  }

  private static Map<String, Object> figure(double estimate) {
    return Map.of(
        "item",
        "inseguro",
        "kind",
        "PROPORTION",
        "value",
        "1",
        "estimate",
        estimate,
        "se",
        0.015,
        "n",
        900);
  }

  private org.atalaya.testsupport.Api.Reply<Map> call(String method, String uri, String token) {
    var request =
        switch (method) {
          case "GET" -> HttpRequest.GET(uri);
          case "DELETE" -> HttpRequest.DELETE(uri);
          default -> HttpRequest.POST(uri, Map.of());
        };
    return api.call(request.bearerAuth(token), Map.class);
  }
}
