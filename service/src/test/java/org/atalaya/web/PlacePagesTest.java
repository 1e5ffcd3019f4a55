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

/** A corregimiento's page, the axis's small multiples, and the links that lead to them. */
@MicronautTest(environments = "test")
class PlacePagesTest {
  static final String PLACE = "/corregimientos/LCH-01";
  static final String AXIS = WebPagesTest.PLAN + "/ejes/CONT";

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aCorregimientoShowsItsIndicatorsWithValueTargetStatusAndChangeInSpanish() {
    var page = new Browser(server.getURI()).get(PLACE + "?corte=2025-12-31");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"es\"")
        .contains("<h1>Barrio Balboa</h1>")
        .contains("Distrito de La Chorrera ·")
        .contains("Indicadores con datos para Barrio Balboa")
        .contains("Tasa de homicidios por 100 000 habitantes")
        .contains("Cambio desde la línea de base")
        // Each indicator's status, or why it has none (Barrio Balboa's homicides are withheld).
        .containsPattern(
            "<span>" + WebPagesTest.STATUS + "</span>|sin valoración: la cifra está suprimida")
        .contains("/indicadores/HOM-TASA?corte=2025-12-31&amp;sexo=_T&amp;territorio=LCH-01")
        .contains("/corregimientos/LCH-01/graficos/indicadores.svg?corte=2025-12-31&amp;sexo=_T")
        .containsPattern("<img src=\"[^\"]+\" alt=\"Barrio Balboa: [^\"]{20,}\"")
        .contains("<caption>Datos del gráfico:");
    assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  @Test
  void aBarrioSaysItsCorregimientoNotADistrict() {
    var page = new Browser(server.getURI()).get("/corregimientos/LCH-02-01");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Calle Larga</h1>")
        .contains("Corregimiento de Barrio Colón ·")
        .doesNotContain("Distrito de Barrio Colón");
  }

  @Test
  void theCorregimientoAndAxisPagesExistInEnglish() {
    Browser browser = new Browser(server.getURI());
    browser.get("/idioma?lang=en&volver=/");
    for (String path : new String[] {PLACE, AXIS}) {
      var page = browser.get(path + "?corte=2025-12-31");
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("<html lang=\"en\"").contains("against its target");
      assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).as(path).isFalse();
    }
    assertThat(browser.get(PLACE).body()).contains("Change since the baseline");
  }

  @Test
  void anUnknownPlaceIsAReadable404AndABadSexA400() {
    Browser browser = new Browser(server.getURI());
    var unknown = browser.get("/corregimientos/NO-EXISTE");
    var sex = browser.get(PLACE + "?sexo=X");
    var chart = browser.bytes("/corregimientos/NO-EXISTE/graficos/indicadores.svg");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .contains("NO-EXISTE")
        .doesNotContain("Exception")
        .doesNotContain("at org.");
    assertThat(sex.statusCode()).isEqualTo(400);
    assertThat(sex.body()).contains("<code>sexo</code>");
    assertThat(chart.statusCode()).isEqualTo(404);
  }

  @Test
  void theAxisPageDrawsOnePanelPerIndicatorWithAltTextTableAndETag() {
    Browser browser = new Browser(server.getURI());
    var page = browser.get(AXIS + "?corte=2025-12-31");
    String base = AXIS + "/graficos/indicadores";
    var svg = browser.bytes(base + ".svg?corte=2025-12-31");
    var png = browser.bytes(base + ".png?corte=2025-12-31");

    assertThat(page.body())
        .contains(base + ".svg?corte=2025-12-31")
        .contains("Trayectoria de los indicadores del eje")
        .containsPattern("alt=\"Control y persecución penal del delito: trayectoria[^\"]+HOM-TASA")
        .contains("<th scope=\"col\">Indicador</th>");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("content-type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    String etag = svg.headers().firstValue("etag").orElseThrow();
    var again = browser.bytes(base + ".svg?corte=2025-12-31", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(
            browser.bytes(AXIS.replace("CONT", "NOPE") + "/graficos/indicadores.svg").statusCode())
        .isEqualTo(404);
  }

  @Test
  void thePlanOverviewAndTheIndicatorPageLinkToTheCorregimientos() {
    Browser browser = new Browser(server.getURI());
    var plan = browser.get(WebPagesTest.PLAN + "?corte=2025-12-31");
    var indicator = browser.get("/indicadores/HOM-TASA?corte=2025-12-31");

    assertThat(plan.body())
        .contains("href=\"/corregimientos/LCH-01?corte=2025-12-31&amp;sexo=_T\"");
    assertThat(indicator.body())
        .contains("href=\"/corregimientos/LCH-01?corte=2025-12-31&amp;sexo=_T\"");
  }

  @Test
  void aDraftPlanOverThePlaceIsShownToStaffOnly() {
    Api api = new Api(client);
    api.call(
        HttpRequest.POST(
                "/api/plans",
                Map.of(
                    "code", "PLACE-DRAFT",
                    "name", "Plan borrador del corregimiento",
                    "territory", "LCH",
                    "periodStart", "2025-01-01",
                    "periodEnd", "2030-12-31"))
            .bearerAuth(api.adminToken()),
        Map.class);

    var anonymous = new Browser(server.getURI()).get(PLACE);
    Browser staff = new Browser(server.getURI());
    staff.login("admin", Api.ADMIN_PASSWORD);
    var signedIn = staff.get(PLACE);

    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).doesNotContain("Plan borrador del corregimiento");
    assertThat(signedIn.body())
        .contains("Plan borrador del corregimiento")
        .contains("Este plan aún no tiene datos para este lugar.");
  }

  @Test
  void aScriptInAnIndicatorsNameIsTextOnThePlacePageAndInItsChart() {
    Api api = new Api(client);
    String analyst = api.analystToken();
    var indicator = IndicatorFixtures.domesticViolenceReports("WEB-XSS-PLACE");
    indicator.put("name", "<script>alert(1)</script>");
    IndicatorFixtures.create(api, analyst, indicator);
    // Three places: the accountability report draws a bar chart by place for every indicator.
    String csv =
        "indicador,periodo,sexo,territorio,valor\n"
            + "WEB-XSS-PLACE,2025-01,_T,LCH-03,4\n"
            + "WEB-XSS-PLACE,2025-01,_T,LCH-04,2\n"
            + "WEB-XSS-PLACE,2025-01,_T,LCH-05,3\n";
    var stored =
        api.call(
            HttpRequest.POST("/api/measurements/upload?file=datos.csv", csv)
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    assertThat(stored.status()).isEqualTo(200);
    IndicatorFixtures.validate(api, "WEB-XSS-PLACE", "2025-01");

    Browser browser = new Browser(server.getURI());
    var page = browser.get("/corregimientos/LCH-03?corte=2025-12-31");
    var svg = browser.bytes("/corregimientos/LCH-03/graficos/indicadores.svg?corte=2025-12-31");

    assertThat(page.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
    assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("&lt;script&gt;")
        .doesNotContain("<script>");
  }
}
