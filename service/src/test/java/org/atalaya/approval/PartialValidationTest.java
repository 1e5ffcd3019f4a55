package org.atalaya.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * A district total made of corregimientos is validated only when every part is; a later change to a
 * validated figure makes it provisional again, and the review page says the period needs
 * validating.
 */
@MicronautTest(environments = "test")
class PartialValidationTest extends ApprovalFixture {
  @Inject EmbeddedServer server;

  @Test
  void theTotalIsValidatedOnlyWhenAllItsPartsAreAndAChangeUndoesIt() {
    String analyst = api.analystToken();
    String code = "PAR-" + suffix;
    Map<String, Object> indicator = IndicatorFixtures.domesticViolenceReports(code);
    indicator.remove("actionCard"); // not on the demo plan: its report stays as it was
    IndicatorFixtures.create(api, analyst, indicator);
    List<String> parts = corregimientos("LCH");
    for (String part : parts) {
      measure(analyst, code, "2025-03", part, 4);
    }

    for (String part : parts.subList(0, parts.size() - 1)) {
      assertThat(validate(committee, code, "2025-03", Map.of("territory", part)).status())
          .isEqualTo(200);
    }
    var allButOne = validate(committee, code, "2025-03", Map.of("territory", "NO-EXISTE"));
    boolean afterAllButOne = totalValidated(analyst, code);
    String last = parts.get(parts.size() - 1);
    var all = validate(committee, code, "2025-03", Map.of("territory", last));
    boolean afterAll = totalValidated(analyst, code);
    measure(analyst, code, "2025-03", parts.get(0), 9);
    boolean afterChange = totalValidated(analyst, code);
    String page =
        FormClient.signedIn(server.getURI(), "test-committee", Api.STAFF_PASSWORD)
            .get("/revision/" + code + "?periodo=2025-03")
            .body();

    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(allButOne.status()).as("no cell in that territory").isEqualTo(422);
    assertThat(afterAllButOne).as("one part still provisional").isFalse();
    assertThat(all.value())
        .containsEntry("status", "VALIDATED")
        .containsEntry("cells", parts.size())
        .containsEntry("provisional", 0);
    assertThat(afterAll).isTrue();
    assertThat(afterChange).as("a changed figure is provisional again").isFalse();
    assertThat(page)
        .contains("Cifras provisionales que esperan validación: 1.")
        .contains("Provisional")
        .contains("id=\"aprobar\"");
  }

  @SuppressWarnings("unchecked")
  private List<String> corregimientos(String district) {
    List<Map<String, Object>> all =
        api.call(HttpRequest.GET("/api/territories").bearerAuth(admin), List.class).value();
    return all.stream()
        .filter(t -> district.equals(t.get("parent")))
        .map(t -> (String) t.get("code"))
        .sorted()
        .toList();
  }

  @SuppressWarnings("unchecked")
  private boolean totalValidated(String token, String code) {
    Map<String, Object> series =
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/series?territory=LCH")
                    .bearerAuth(token),
                Map.class)
            .value();
    List<Map<String, Object>> points = (List<Map<String, Object>>) series.get("points");
    assertThat(points).hasSize(1);
    assertThat(((Number) points.get(0).get("value")).intValue()).isPositive();
    return (Boolean) points.get(0).get("validated");
  }
}
