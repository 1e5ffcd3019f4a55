package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;

/** The reading pages of the demo plan, their filters, who may see drafts, and escaping. */
@MicronautTest(environments = "test")
class WebPagesTest {
  static final String PLAN = "/planes/LCH-PISCC-2025";
  static final String STATUS =
      "(Meta alcanzada|En camino|En riesgo|Fuera de rumbo|Sin datos|Sin meta)";

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theOverviewShowsTheAxesAndCardsWithTheirStatusInWords() {
    var page = new Browser(server.getURI()).get(PLAN);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Prevención de la violencia")
        .contains("Control y persecución penal del delito")
        .contains("Fortalecimiento institucional")
        .containsPattern("class=\"status status-[A-Z_]+\"")
        .containsPattern("<span>" + STATUS + "</span>");
    assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  @Test
  void theOverviewCardAndIndicatorPagesExistInEnglishWithoutUntranslatedKeys() {
    Browser browser = new Browser(server.getURI());
    browser.get("/idioma?lang=en&volver=/");
    for (String path :
        new String[] {
          PLAN, PLAN + "/ejes/CONT", PLAN + "/fichas/CONT-01", "/indicadores/HOM-TASA"
        }) {
      var page = browser.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("<html lang=\"en\"");
      assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).as(path).isFalse();
    }
  }

  @Test
  void theCardIsLaidOutAsTheGuidesFicha() {
    var page = new Browser(server.getURI()).get(PLAN + "/fichas/CONT-01");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Problema detectado en el diagnóstico")
        .contains("Objetivo general")
        .contains("Responsables")
        .contains("Socios")
        .contains("Tasa de homicidios por 100 000 habitantes")
        // Institutions by name, as the plan lists them, not by their codes.
        .contains("<td>Policía Nacional (PN)</td>")
        .contains("<li>Ministerio de Seguridad Pública (MINSEG)</li>")
        .contains("<li>Alcaldía del Distrito de La Chorrera</li>");
  }

  @Test
  void theIndicatorPageHasChartsWithAltTextAndTheirDataTables() {
    var page = new Browser(server.getURI()).get("/indicadores/HOM-TASA?corte=2025-12-31");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("/indicadores/HOM-TASA/graficos/trajectory.svg?corte=2025-12-31")
        .containsPattern("<img src=\"[^\"]+\" alt=\"[^\"]{20,}\"")
        .contains("<caption>Datos del gráfico:")
        .contains("Ministerio Público (fuente oficial)");
  }

  @Test
  void chartsComeAsPngAndSvgWithAnETagThatAnswers304() {
    Browser browser = new Browser(server.getURI());
    String base = "/indicadores/HOM-TASA/graficos/trajectory";
    var svg = browser.bytes(base + ".svg?corte=2025-12-31");
    var png = browser.bytes(base + ".png?corte=2025-12-31");

    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("content-type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(png.headers().firstValue("content-type").orElseThrow()).startsWith("image/png");
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    String etag = svg.headers().firstValue("etag").orElseThrow();
    assertThat(svg.headers().firstValue("cache-control").orElseThrow()).contains("public");
    var again = browser.bytes(base + ".svg?corte=2025-12-31", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void unknownFilterValuesGiveAReadable400Page() {
    Browser browser = new Browser(server.getURI());
    var sex = browser.get(PLAN + "?sexo=X");
    var place = browser.get("/indicadores/HOM-TASA?territorio=NO-EXISTE");
    var date = browser.get(PLAN + "?corte=ayer");
    var chart = browser.get("/indicadores/HOM-TASA/graficos/trajectory.svg?sexo=Z");

    assertThat(sex.statusCode()).isEqualTo(400);
    assertThat(sex.body()).contains("<code>sexo</code>").contains("«X» no es un valor válido");
    assertThat(place.statusCode()).isEqualTo(400);
    assertThat(place.body()).contains("<code>territorio</code>").contains("NO-EXISTE");
    assertThat(date.statusCode()).isEqualTo(400);
    assertThat(date.body()).contains("<code>corte</code>");
    assertThat(chart.statusCode()).isEqualTo(400);
  }

  @Test
  void theAnonymousPublicCannotSeeADraftPlanNorItsIndicatorsOrCharts() {
    Api api = new Api(client);
    String admin = api.adminToken();
    api.call(
        HttpRequest.POST(
                "/api/plans",
                Map.of(
                    "code",
                    "WEB-DRAFT",
                    "name",
                    "Plan borrador",
                    "territory",
                    "LCH",
                    "periodStart",
                    "2025-01-01",
                    "periodEnd",
                    "2029-12-31"))
            .bearerAuth(admin),
        Map.class);
    var indicator = IndicatorFixtures.streetsLit("WEB-DRAFT-IND");
    indicator.put("actionCard", null);
    IndicatorFixtures.create(api, admin, indicator);

    Browser anonymous = new Browser(server.getURI());
    assertThat(anonymous.get("/planes/WEB-DRAFT").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/indicadores/WEB-DRAFT-IND").statusCode()).isEqualTo(404);
    assertThat(anonymous.bytes("/indicadores/WEB-DRAFT-IND/graficos/trajectory.svg").statusCode())
        .isEqualTo(404);
    Browser staff = new Browser(server.getURI());
    staff.login("admin", Api.ADMIN_PASSWORD);
    assertThat(staff.get("/planes/WEB-DRAFT").statusCode()).isEqualTo(200);
  }

  @Test
  void aScriptInAnIndicatorsNameIsShownAsText() {
    Api api = new Api(client);
    String admin = api.adminToken();
    var indicator = IndicatorFixtures.streetsLit("WEB-XSS");
    indicator.put("name", "<script>alert(1)</script>");
    IndicatorFixtures.create(api, admin, indicator);

    var page = new Browser(server.getURI()).get("/indicadores/WEB-XSS");
    var card = new Browser(server.getURI()).get(PLAN + "/fichas/CONT-01");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
    assertThat(card.body()).doesNotContain("<script>alert(1)");
  }
}
