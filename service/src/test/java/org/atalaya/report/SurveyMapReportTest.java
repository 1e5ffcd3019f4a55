package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * The report's survey section maps the question feeding the demo's perception indicator by
 * corregimiento, as the survey page does: the PDF prints the map's table with the public estimates
 * API's figures (withheld corregimientos marked, never a figure), and the map hatches exactly
 * those.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class SurveyMapReportTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String API =
      "/api/surveys/LCH-PERCEPCION/waves/2025/estimates?item=inseguro&value=1&by=territory";

  @Inject
  @Client("/")
  HttpClient client;

  private byte[] draft(Api api, String analyst, String file) {
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", PLAN, "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    var reply =
        api.call(
            HttpRequest.GET("/api/reports/" + PLAN + "/2025/1/" + file).bearerAuth(analyst),
            byte[].class);
    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(200);
    return reply.value();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReportPrintsTheSurveyMapAndItsTableWithTheApisFigures() throws IOException {
    Api api = new Api(client);
    String analyst = api.analystToken();
    List<Map<String, Object>> cells =
        (List<Map<String, Object>>) api.get(API, Map.class).value().get("cells");
    cells = cells.subList(1, cells.size());

    String text = ReportDemoTest.text(draft(api, analyst, "informe-es.pdf"));
    assertThat(text)
        .contains(": mapa por corregimiento, Ronda 2025")
        .contains("Estimaciones del mapa por corregimiento");
    for (Map<String, Object> c : cells) {
      var place = ((List<Map<String, Object>>) c.get("domain")).get(0);
      String expected =
          Boolean.TRUE.equals(c.get("suppressed"))
              ? "‡ suprimido"
              : ReportDemoTest.format(100 * ((Number) c.get("estimate")).doubleValue(), "PROP");
      assertThat(text).as("%s", place.get("label")).contains(place.get("label") + " " + expected);
    }
  }
}
