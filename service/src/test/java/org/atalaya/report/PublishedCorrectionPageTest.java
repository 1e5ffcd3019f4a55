package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * An analyst corrects a published figure from the data-entry page: without a reason the page says
 * the figure is published and asks for one, and nothing changes; with a reason the correction is
 * stored as a new revision carrying it, and the published report stays as it was.
 */
@MicronautTest(environments = "test")
class PublishedCorrectionPageTest extends ReportFixture {
  @Inject EmbeddedServer server;

  @Test
  @SuppressWarnings("unchecked")
  void aPublishedFigureIsCorrectedFromTheFormOnlyWithAReason() {
    expect(201, post("/api/reports", Map.of("plan", plan, "period", "2025"), analyst));
    String v1 = plan + "/2025/1";
    expect(200, post("/api/reports/" + v1 + "/publish", Map.of(), committee));
    String hash = (String) api.get("/api/reports/" + v1, Map.class).value().get("contentHash");

    Browser browser = new Browser(server.getURI());
    assertThat(browser.login("test-analyst", Api.STAFF_PASSWORD).statusCode()).isLessThan(400);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", Browser.csrf(browser.get("/datos/medicion").body()));
    form.put("indicator", indicator);
    form.put("period", "2025-T3");
    form.put("sex", "_T");
    form.put("territory", "LCH");
    form.put("value", "77");
    form.put("status", "PROVISIONAL");
    form.put("reason", "");

    var refused = browser.post("/datos/medicion", form);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("ya se publicó en un informe").contains("exige un motivo");
    assertThat(newest().get("value")).isEqualTo(23.0);

    form.put("reason", "Acta corregida de la junta comunal");
    var saved = browser.post("/datos/medicion", form);
    // Saved, then back to the form (post/redirect/get: a reload posts nothing again).
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    Map<String, Object> newest = newest();
    assertThat(newest.get("value")).isEqualTo(77.0);
    assertThat(newest)
        .containsEntry("status", "PROVISIONAL")
        .containsEntry("reason", "Acta corregida de la junta comunal");
    assertThat(api.get("/api/reports/" + v1, Map.class).value()).containsEntry("contentHash", hash);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> newest() {
    List<Map<String, Object>> history =
        api.call(
                HttpRequest.GET(
                        "/api/indicators/" + indicator + "/history?territory=LCH&period=2025-T3")
                    .bearerAuth(analyst),
                List.class)
            .value();
    Map<String, Object> first = new LinkedHashMap<>(history.get(0));
    first.put("value", ((Number) first.get("value")).doubleValue());
    return first;
  }
}
