package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The demo report's maps by corregimiento: the homicide rate as observed and smoothed maps with the
 * same rates table as the indicator page (small counts withheld as the public API withholds them),
 * and the count of domestic-violence reports as a map whose hatched places are those the public
 * figures API withholds; each map with its title, period, illustrative note and data table.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ReportMapsTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String AS_OF = "2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  private Document reportHtml(Api api, String analyst) {
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", PLAN, "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    var reply =
        api.call(
            HttpRequest.GET("/api/reports/" + PLAN + "/2025/1/informe-es.html").bearerAuth(analyst),
            byte[].class);
    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(200);
    return Jsoup.parse(new String(reply.value(), StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReportsMapsAndRatesTableSayWhatThePagesAndTheApiSay() {
    Api api = new Api(client);
    Document report = reportHtml(api, api.analystToken());

    List<String> captions = report.select("figure figcaption").eachText();
    assertThat(captions)
        .anyMatch(c -> c.startsWith("Tasa observada: ") && c.endsWith(", 2025"))
        .anyMatch(c -> c.startsWith("Tasa suavizada (Bayes empírico, Marshall): "))
        .anyMatch(c -> c.contains("mapa por corregimiento, 2025"));

    // The rates table: row for row the indicator page's, which reads the public API's figures.
    Element reportRates = report.selectFirst("table.rates");
    assertThat(reportRates).as("the rates table in the report").isNotNull();
    Element pageRates =
        Jsoup.parse(
                client
                    .toBlocking()
                    .retrieve(
                        HttpRequest.GET("/indicadores/HOM-TASA?corte=" + AS_OF)
                            .header("Accept-Language", "es-PA")))
            .selectFirst("table.rates");
    List<String> reportRows = reportRates.select("tbody tr").eachText();
    assertThat(reportRows).isEqualTo(pageRates.select("tbody tr").eachText());

    List<Map<String, Object>> rows =
        (List<Map<String, Object>>)
            api.get("/api/public/indicators/HOM-TASA/small-areas?asOf=" + AS_OF, Map.class)
                .value()
                .get("rows");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      List<String> cells = reportRates.select("tbody tr").get(i).select("th, td").eachText();
      assertThat(cells.get(0)).isEqualTo(r.get("name"));
      if ("WITHHELD".equals(r.get("mark"))) {
        assertThat(cells.get(1)).isEqualTo("suprimido");
      } else if (r.get("events") != null) {
        assertThat(cells.get(1)).isEqualTo(String.valueOf(((Number) r.get("events")).longValue()));
        assertThat(cells.get(3))
            .isEqualTo(ReportDemoTest.format(((Number) r.get("crude")).doubleValue(), "RATE"));
      }
    }

    // The count map: hatched exactly where the public figures API withholds the corregimiento.
    Element countMap =
        report.select("figure").stream()
            .filter(f -> f.select("figcaption").text().startsWith("Denuncias"))
            .filter(f -> f.select("figcaption").text().contains("mapa por corregimiento"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no count map in " + captions));
    String svg = countMap.select("svg").outerHtml();
    assertThat(countMap.text()).contains("Límites ilustrativos");
    assertThat(countMap.selectFirst("[role=img]").attr("aria-label")).isNotBlank();
    assertThat(countMap.select("details table tbody tr")).hasSize(18);
    for (int i = 1; i <= 18; i++) {
      String place = String.format("LCH-%02d", i);
      Map<String, Object> figure =
          api.get(
                  "/api/public/indicators/VD-DENUNCIAS/figures?asOf="
                      + AS_OF
                      + "&sex=_T&territory="
                      + place,
                  Map.class)
              .value();
      boolean hatched = svg.contains("area-" + place + "\" class=\"map-area map-withheld");
      assertThat(hatched).as(place).isEqualTo("WITHHELD".equals(figure.get("mark")));
    }

    // The risk map section: the public risk API's counts for the report's year, word for word.
    Element risk = report.selectFirst("section#riesgo");
    assertThat(risk).as("the risk map section").isNotNull();
    assertThat(risk.select("figure svg .map-area")).hasSize(18);
    Map<String, Object> counts =
        api.get("/api/public/risk/counts?from=2025-01-01&to=" + AS_OF, Map.class).value();
    List<String> expected =
        ((List<Map<String, Object>>) counts.get("corregimientos"))
            .stream()
                .map(
                    c ->
                        c.get("name")
                            + " "
                            + ("WITHHELD".equals(c.get("mark"))
                                ? "suprimido"
                                : String.valueOf(((Number) c.get("count")).longValue())))
                .toList();
    assertThat(expected).anyMatch(line -> line.endsWith("suprimido"));
    Element byPlace =
        risk.children().stream().filter(e -> e.tagName().equals("table")).findFirst().orElseThrow();
    assertThat(byPlace.select("tbody tr").eachText()).isEqualTo(expected);
  }
}
