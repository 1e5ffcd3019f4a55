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
import org.junit.jupiter.api.Test;

/**
 * Survey results on the demo survey: estimates with their 95 % intervals by sex and corregimiento,
 * suppressed cells shown as suppressed to the public, and unpublished waves for staff only.
 */
@MicronautTest(environments = "test")
class SurveyPagesTest {
  static final String SURVEY = "/encuestas/LCH-PERCEPCION";

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theListShowsSurveysWithTheirPublishedWaves() {
    var page = new Browser(server.getURI()).get("/encuestas");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Encuestas de percepción y victimización")
        .contains("href=\"/encuestas/LCH-PERCEPCION?ronda=2025\"")
        .contains("Ronda 2024");
    assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  @Test
  void aWaveShowsEstimatesWithIntervalsChartsTablesSourceAndDate() {
    var page = new Browser(server.getURI()).get(SURVEY + "?ronda=2025&pregunta=inseguro");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Se siente inseguro(a) al caminar de noche por su barrio")
        .contains("/encuestas/LCH-PERCEPCION/graficos/sexo.svg?ronda=2025&amp;pregunta=inseguro")
        .contains(
            "/encuestas/LCH-PERCEPCION/graficos/territorio.svg?ronda=2025&amp;pregunta=inseguro")
        .containsPattern("alt=\"[^\"]+con intervalos de confianza del 95[^\"]+\"")
        .contains("Intervalo de confianza del 95 %")
        .contains("<th scope=\"row\">Mujeres</th>")
        .contains("<th scope=\"row\">Barrio Balboa</th>")
        .contains("Fuente: Encuesta de percepción de seguridad de La Chorrera")
        .containsPattern("[0-9]+[.,][0-9]\\h?% – [0-9]+[.,][0-9]\\h?%");
    assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  @Test
  void smallCellsAreSuppressedForThePublicNeverZeroAndShownToStaff() {
    String path = SURVEY + "?ronda=2025&pregunta=inseguro";
    String anonymous = new Browser(server.getURI()).get(path).body();
    Browser staff = new Browser(server.getURI());
    staff.login("admin", Api.ADMIN_PASSWORD);
    String signedIn = staff.get(path).body();

    String balboa = "<th scope=\"row\">Barrio Balboa</th>";
    String publicRow =
        anonymous.substring(
            anonymous.indexOf(balboa), anonymous.indexOf("</tr>", anonymous.indexOf(balboa)));
    String staffRow =
        signedIn.substring(
            signedIn.indexOf(balboa), signedIn.indexOf("</tr>", signedIn.indexOf(balboa)));
    assertThat(publicRow).contains("— (suprimida)").doesNotContain("%").doesNotContain(">0<");
    assertThat(staffRow).containsPattern("[0-9]+[.,][0-9]\\h?%").contains("Suprimida");
  }

  @Test
  void anUnpublishedWaveIsForStaffOnlyAndMarked() {
    Api api = new Api(client);
    api.analystToken(); // the account the browser signs in with
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/surveys/LCH-PERCEPCION/waves",
                    Map.of(
                        "code", "2026",
                        "name", "Ronda 2026",
                        "periodStart", "2026-06-01",
                        "periodEnd", "2026-07-31"))
                .bearerAuth(api.adminToken()),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    Browser anonymous = new Browser(server.getURI());
    Browser staff = new Browser(server.getURI());
    staff.login("test-analyst", Api.STAFF_PASSWORD);

    assertThat(anonymous.get("/encuestas").body()).doesNotContain("Ronda 2026");
    var hidden = anonymous.get(SURVEY + "?ronda=2026");
    assertThat(hidden.statusCode()).isEqualTo(400);
    assertThat(hidden.body()).contains("<code>ronda</code>").doesNotContain("Ronda 2026");
    assertThat(anonymous.bytes(SURVEY + "/graficos/sexo.svg?ronda=2026").statusCode())
        .isEqualTo(400);
    assertThat(staff.get("/encuestas").body()).contains("Ronda 2026").contains("sin publicar");
    var shown = staff.get(SURVEY + "?ronda=2026");
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body())
        .contains("Ronda sin publicar: solo el personal del observatorio la ve.")
        .contains("Esta ronda todavía no tiene datos con que estimar.");
  }

  @Test
  void badAddressesAreReadable4xxPagesAndChartsHaveAnETag() {
    Browser browser = new Browser(server.getURI());
    var unknown = browser.get("/encuestas/NO-EXISTE");
    var item = browser.get(SURVEY + "?pregunta=%3Cscript%3E");
    var svg = browser.bytes(SURVEY + "/graficos/sexo.svg?ronda=2025");
    var png = browser.bytes(SURVEY + "/graficos/territorio.png?ronda=2025");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(item.statusCode()).isEqualTo(400);
    assertThat(item.body()).contains("<code>pregunta</code>").doesNotContain("<script>");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    String etag = svg.headers().firstValue("etag").orElseThrow();
    assertThat(
            browser
                .bytes(SURVEY + "/graficos/sexo.svg?ronda=2025", "If-None-Match", etag)
                .statusCode())
        .isEqualTo(304);
    assertThat(browser.bytes(SURVEY + "/graficos/edad.svg").statusCode()).isEqualTo(404);
  }

  @Test
  void theResultsExistInEnglish() {
    Browser browser = new Browser(server.getURI());
    browser.get("/idioma?lang=en&volver=/");
    for (String path : new String[] {"/encuestas", SURVEY}) {
      var page = browser.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("<html lang=\"en\"");
      assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).as(path).isFalse();
    }
    assertThat(browser.get(SURVEY).body())
        .contains("Feels unsafe walking in their neighbourhood at night")
        .contains("95 % confidence interval")
        .contains("— (suppressed)");
  }
}
