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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indicator page's record of a period — every value a cell had, who changed it, when and why,
 * and the committee's review — for signed-in people only.
 */
@MicronautTest(environments = "test")
class IndicatorRecordTest {
  static final String CODE = "WEB-REC";
  static final String PAGE = "/indicadores/" + CODE + "?corte=2025-12-31&sexo=F&territorio=LCH-02";

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @BeforeEach
  void aRevisedFigure() {
    Api api = new Api(client);
    String analyst = api.analystToken();
    api.committeeToken(); // the accounts the browser signs in with
    var existing = HttpRequest.GET("/api/indicators/" + CODE).bearerAuth(analyst);
    if (api.call(existing, Map.class).status() == 404) {
      IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(CODE));
      upload(api, analyst, "LCH-02", "20", "");
      // Other places too: the accountability report draws a bar chart by place for every indicator.
      upload(api, analyst, "LCH-03", "5", "");
      upload(api, analyst, "LCH-04", "6", "");
      upload(api, analyst, "LCH-02", "22", "&reason=Denuncias%20tard%C3%ADas");
    }
  }

  @Test
  void signedInPeopleReadWhoChangedTheValueWhenAndWhyAndTheReviewState() {
    Browser staff = new Browser(server.getURI());
    staff.login("test-committee", Api.STAFF_PASSWORD);
    var page = staff.get(PAGE);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Periodo mar. 2025: cifras y revisión")
        .contains("Historial de revisiones")
        .contains("<td class=\"num\">22</td>")
        .contains("<td class=\"num\">20</td>")
        .contains("Denuncias tardías")
        .contains("test-analyst")
        .contains("Sin aprobar")
        .contains("href=\"/revision/" + CODE + "\"");
    assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  @Test
  void aPeriodNotYetApprovedShowsItsStateAndItsComments() {
    Browser staff = new Browser(server.getURI());
    staff.login("test-committee", Api.STAFF_PASSWORD);
    String review = staff.get("/revision/" + CODE + "?periodo=2025-03").body();
    var posted =
        staff.post(
            "/revision/" + CODE + "/comentarios?_csrf=" + Browser.csrf(review),
            Map.of("period", "2025-03", "comment", "¿Incluye las denuncias tardías?"));
    assertThat(posted.statusCode()).isLessThan(400);

    String page = staff.get(PAGE).body();
    assertThat(page)
        .contains("Provisional")
        .contains("Sin aprobar")
        .containsPattern("[1-9]\\d* comentarios?");
  }

  @Test
  void thePublicSeesNeitherTheHistoryNorTheReview() {
    var page = new Browser(server.getURI()).get(PAGE);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("Historial de revisiones")
        .doesNotContain("Denuncias tardías")
        .doesNotContain("test-analyst")
        .doesNotContain("/revision/");
  }

  @Test
  void anUnknownPeriodIsAReadable400() {
    Browser staff = new Browser(server.getURI());
    staff.login("test-analyst", Api.STAFF_PASSWORD);
    var page = staff.get(PAGE + "&periodo=marzo");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("<code>periodo</code>").doesNotContain("Exception");
  }

  @Test
  void theRecordExistsInEnglish() {
    Browser staff = new Browser(server.getURI());
    staff.login("test-analyst", Api.STAFF_PASSWORD);
    staff.get("/idioma?lang=en&volver=/");
    var page = staff.get(PAGE);

    assertThat(page.body()).contains("Revision history").contains("Reason for the change");
    assertThat(WebLayoutTest.UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  private static void upload(Api api, String token, String place, String value, String query) {
    String csv =
        "indicador,periodo,sexo,territorio,valor\n"
            + CODE
            + ",2025-03,F,"
            + place
            + ","
            + value
            + "\n";
    var reply =
        api.call(
            HttpRequest.POST("/api/measurements/upload?file=datos.csv" + query, csv)
                .contentType("text/csv")
                .bearerAuth(token),
            Map.class);
    assertThat(reply.status()).isEqualTo(200);
  }
}
