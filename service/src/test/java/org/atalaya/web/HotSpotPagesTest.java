package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The persistence rule is stated where hot spots are shown and on the methodology page. */
@MicronautTest(environments = "test")
class HotSpotPagesTest {
  @Inject EmbeddedServer server;

  @Test
  void anIndicatorByCorregimientoStatesTheRuleWithTheYearsItJudged() {
    var page = new Browser(server.getURI()).get("/indicadores/HOM-TASA?corte=2025-12-31");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h2 id=\"focos\">Focos persistentes</h2>")
        .contains("los valores más altos, porque este indicador debe bajar")
        .contains("en al menos 3 de los 4 últimos periodos");
  }

  @Test
  void aMonthlyIndicatorNamesTheMonthsItJudgedInWords() {
    var page = new Browser(server.getURI()).get("/indicadores/VD-DENUNCIAS");

    assertThat(page.body())
        .containsPattern(
            "con cifras publicadas \\((\\p{L}{3,4}\\. \\d{4}, ){2}\\p{L}{3,4}\\. \\d{4} y \\p{L}{3,4}\\. \\d{4}\\)")
        .doesNotContainPattern("\\(\\d{4}-\\d{2}, ");
  }

  @Test
  void theMethodologyExplainsHotSpotsAndTheRiskMapAndTheHomeLinksTheMap() {
    Browser browser = new Browser(server.getURI());
    var method = browser.get("/metodologia");
    var home = browser.get("/");

    assertThat(method.body())
        .contains("id=\"focos\"")
        .contains("peor quinto")
        .contains("id=\"mapa-de-riesgo\"")
        .contains("unos 110 m");
    assertThat(home.body()).contains("href=\"/mapa-de-riesgo\"");
  }
}
