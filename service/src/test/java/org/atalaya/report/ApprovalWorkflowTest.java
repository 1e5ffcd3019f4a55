package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * The approval workflow on a small plan (docs/approval.md): figures are provisional until a
 * committee member validates them, a report with provisional figures is not published, a published
 * period cannot lose its validation, and a correction needs a reason, becomes a new provisional
 * revision and leaves the published report's bytes as they were. Every transition is audited.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ApprovalWorkflowTest extends ReportFixture {

  @Test
  @SuppressWarnings("unchecked")
  void figuresGoFromProvisionalToValidatedToPublishedAndACorrectionNeedsAReason() {
    String validation = "/api/indicators/" + indicator + "/periods/2025-T3/validation";
    var withdrawn = api.call(HttpRequest.DELETE(validation).bearerAuth(committee), Map.class);
    assertThat(withdrawn.status()).as("%s", withdrawn.problem()).isEqualTo(200);
    assertThat(withdrawn.value()).containsEntry("status", "PROVISIONAL");
    assertThat(history("2025-T3"))
        .extracting(v -> v.get("status"))
        .containsExactly("PROVISIONAL", "VALIDATED", "PROVISIONAL");
    assertThat(point("2025-T3")).containsEntry("validated", false);

    expect(201, post("/api/reports", Map.of("plan", plan, "period", "2025"), analyst));
    String v1 = plan + "/2025/1";
    var refused = post("/api/reports/" + v1 + "/publish", Map.of(), committee);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error().errors().get(0).message())
        .contains(indicator + " 2025-T3")
        .contains("valídelos");
    var byAnalyst = post(validation, Map.of(), analyst);
    assertThat(byAnalyst.status()).as("the committee validates, by default").isEqualTo(403);
    assertThat(byAnalyst.error().errors().get(0).message())
        .contains("Solo los miembros del comité validan cifras");
    assertThat(point("2025-T3")).containsEntry("validated", false);

    assertThat(expect(200, post(validation, Map.of("reason", "Cuadra con el acta"), committee)))
        .extracting(r -> r.value().get("status"))
        .isEqualTo("VALIDATED");
    assertThat(point("2025-T3")).containsEntry("validated", true);
    expect(200, post("/api/reports/" + v1 + "/publish", Map.of(), committee));
    byte[] csv = expect(200, download(v1 + "/datos.csv", null)).value();
    String hash = (String) api.get("/api/reports/" + v1, Map.class).value().get("contentHash");

    Map<String, Object> published =
        api.call(HttpRequest.GET(validation).bearerAuth(analyst), Map.class).value();
    assertThat(published).containsEntry("status", "PUBLISHED");
    assertThat((List<String>) published.get("publishedIn")).containsExactly(v1);
    var lateWithdrawal = api.call(HttpRequest.DELETE(validation).bearerAuth(committee), Map.class);
    assertThat(lateWithdrawal.status()).isEqualTo(409);
    assertThat(lateWithdrawal.error().errors().get(0).message()).contains(v1);

    var noReason = measurement("2025-T3", 99, null);
    assertThat(noReason.status()).isEqualTo(422);
    Map<String, Object> error = ((List<Map<String, Object>>) noReason.value().get("errors")).get(0);
    assertThat(error).containsEntry("row", 1).containsEntry("rule", "publishedCell");
    assertThat((String) error.get("message"))
        .contains(indicator)
        .contains("ya se publicó en un informe")
        .contains("exige un motivo");
    assertThat(((Number) history("2025-T3").get(0).get("value")).doubleValue()).isEqualTo(23.0);

    var corrected = measurement("2025-T3", 99, "Conteo corregido por la junta comunal");
    assertThat(corrected.status()).as("%s", corrected.body()).isEqualTo(200);
    assertThat(corrected.value()).containsEntry("revised", 1);
    var again = measurement("2025-T3", 99, null);
    assertThat(again.status()).as("an identical re-upload needs no reason").isEqualTo(200);
    assertThat(again.value()).containsEntry("unchanged", 1);

    Map<String, Object> newest = history("2025-T3").get(0);
    assertThat(((Number) newest.get("value")).doubleValue()).isEqualTo(99.0);
    assertThat(newest)
        .containsEntry("status", "PROVISIONAL")
        .containsEntry("reason", "Conteo corregido por la junta comunal");
    Map<String, Object> after =
        api.call(HttpRequest.GET(validation).bearerAuth(analyst), Map.class).value();
    assertThat(after).containsEntry("status", "PROVISIONAL").containsEntry("provisional", 1);
    assertThat((List<String>) after.get("publishedIn")).containsExactly(v1);
    assertThat(download(v1 + "/datos.csv", null).value()).isEqualTo(csv);
    assertThat(api.get("/api/reports/" + v1, Map.class).value()).containsEntry("contentHash", hash);

    List<Map<String, Object>> audit = audit("measurementValidation", indicator + "/2025-T3");
    assertThat(audit)
        .extracting(e -> e.get("actor"))
        .containsExactly("test-committee", "test-committee", "test-committee");
    assertThat(audit.get(2)).containsEntry("reason", "Cuadra con el acta");
  }

  private Api.Reply<Map> measurement(String period, int value, String reason) {
    String uri =
        "/api/measurements"
            + (reason == null
                ? ""
                : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
    var row = Map.of("indicator", indicator, "period", period, "territory", "LCH", "value", value);
    return api.call(HttpRequest.POST(uri, List.of(row)).bearerAuth(analyst), Map.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> history(String period) {
    return api.call(
            HttpRequest.GET(
                    "/api/indicators/" + indicator + "/history?territory=LCH&period=" + period)
                .bearerAuth(analyst),
            List.class)
        .value();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> point(String period) {
    Map<String, Object> series =
        api.call(
                HttpRequest.GET("/api/indicators/" + indicator + "/series?territory=LCH")
                    .bearerAuth(analyst),
                Map.class)
            .value();
    return ((List<Map<String, Object>>) series.get("points"))
        .stream()
            .filter(p -> period.equals(p.get("period")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + period + " in " + series));
  }

  /** The audit entries of one key, oldest first. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> audit(String entity, String key) {
    String uri =
        "/api/audit?entity=" + entity + "&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    Map<String, Object> page = api.call(HttpRequest.GET(uri).bearerAuth(admin), Map.class).value();
    List<Map<String, Object>> entries =
        new ArrayList<>((List<Map<String, Object>>) page.get("entries"));
    Collections.reverse(entries);
    return entries;
  }
}
