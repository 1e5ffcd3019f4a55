package org.atalaya.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The survey page's map of the demo survey's question by corregimiento: its table is the public
 * estimates API's answer row for row (estimate, interval, n, withheld), and its picture hatches
 * exactly the corregimientos the API withholds and names the wave, its fieldwork and the
 * illustrative boundaries.
 */
@MicronautTest(environments = "test")
class SurveyMapPageTest {
  static final String PAGE = "/encuestas/LCH-PERCEPCION?ronda=2025&pregunta=inseguro";
  static final String MAP = "/encuestas/LCH-PERCEPCION/graficos/mapa";
  static final String API =
      "/api/surveys/LCH-PERCEPCION/waves/2025/estimates?item=inseguro&value=1&by=territory";

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> apiCells(String filter) {
    Map<String, Object> body = new Api(client).get(API + filter, Map.class).value();
    return (List<Map<String, Object>>) body.get("cells");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theMapsTableIsTheEstimatesApiRowForRowForEachSex() {
    Browser browser = new Browser(server.getURI());
    for (String sex : List.of("_T", "F")) {
      var page = browser.get(PAGE + "&sexo=" + sex);
      assertThat(page.statusCode()).isEqualTo(200);
      Element table = Jsoup.parse(page.body()).selectFirst("table#tabla-mapa");
      assertThat(table).as("the map's table, sex %s", sex).isNotNull();
      List<Map<String, Object>> cells = apiCells(sex.equals("_T") ? "" : "&filter=sex:" + sex);
      var rows = table.select("tbody tr");
      assertThat(rows).hasSameSizeAs(cells);
      for (int i = 0; i < cells.size(); i++) {
        Map<String, Object> c = cells.get(i);
        List<String> row = rows.get(i).select("th, td").eachText();
        var domain = (List<Map<String, Object>>) c.get("domain");
        assertThat(row.get(0)).isEqualTo(domain.isEmpty() ? "Total" : domain.get(0).get("label"));
        assertThat(row.get(4)).isEqualTo(String.valueOf(c.get("n")));
        if (Boolean.TRUE.equals(c.get("suppressed"))) {
          assertThat(row.get(1)).isEqualTo("— (suprimida)");
          assertThat(row.get(2)).isEqualTo("—");
          assertThat(row.get(5)).startsWith("Suprimida");
        } else {
          assertThat(percent(row.get(1))).isCloseTo(100 * num(c, "estimate"), within(0.051));
          String[] interval = row.get(2).split(" – ");
          assertThat(percent(interval[0])).isCloseTo(100 * num(c, "ciLower"), within(0.051));
          assertThat(percent(interval[1])).isCloseTo(100 * num(c, "ciUpper"), within(0.051));
          assertThat(percent(row.get(3))).isCloseTo(100 * num(c, "cv"), within(0.051));
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theMapHatchesExactlyTheWithheldCorregimientosAndNamesWavePeriodAndBoundaries() {
    Browser browser = new Browser(server.getURI());
    var reply = browser.get(MAP + ".svg?ronda=2025&pregunta=inseguro&sexo=_T");
    assertThat(reply.statusCode()).isEqualTo(200);
    String svg = reply.body();
    List<Map<String, Object>> cells = apiCells("");
    int withheld = 0;
    int coloured = 0;
    for (Map<String, Object> c : cells.subList(1, cells.size())) {
      var domain = (List<Map<String, Object>>) c.get("domain");
      String code = (String) domain.get(0).get("code");
      boolean hidden = Boolean.TRUE.equals(c.get("suppressed"));
      // JFreeSVG quotes attributes with '.
      int at = svg.indexOf("id='area-" + code + "'");
      assertThat(at).as("%s on the map", code).isNotNegative();
      String group = svg.substring(at);
      group = group.substring(0, group.indexOf('>'));
      if (hidden) {
        withheld++;
        assertThat(group).as(code).contains("map-withheld");
      } else {
        coloured++;
        assertThat(group).as(code).contains("map-class-");
      }
      if ("WEAKLY_RELIABLE".equals(c.get("reliability")) && !hidden) {
        assertThat(svg)
            .contains("Estimación poco fiable")
            .contains(domain.get(0).get("label") + "");
      }
    }
    // The demo has both: boosted samples published, the others withheld.
    assertThat(withheld).isPositive();
    assertThat(coloured).isPositive();
    assertThat(svg)
        .contains("Ronda 2025")
        .contains("Periodo: 1 jun. 2025 – 31 jul. 2025.")
        .contains("Límites ilustrativos");

    var png = browser.bytes(MAP + ".png?ronda=2025&pregunta=inseguro&sexo=F");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(browser.get(MAP + ".svg?ronda=2025&pregunta=inseguro&sexo=X").statusCode())
        .isEqualTo(400);
  }

  private static double num(Map<String, Object> cell, String key) {
    return ((Number) cell.get(key)).doubleValue();
  }

  /** "52.3 %" or "52,3 %" as the page writes it (es-PA), in percent. */
  private static double percent(String text) {
    return Double.parseDouble(text.replaceAll("[^0-9.,]", "").replace(',', '.'));
  }
}
