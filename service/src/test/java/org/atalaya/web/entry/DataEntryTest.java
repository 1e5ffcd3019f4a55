package org.atalaya.web.entry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One measurement through the form: problems beside their fields in Spanish, then stored. */
@MicronautTest(environments = "test")
class DataEntryTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String code;

  @BeforeEach
  void indicator() {
    api = new Api(client);
    analyst = api.analystToken();
    code = "VD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
  }

  private Map<String, String> fields(FormClient browser, String value) {
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", FormClient.csrf(browser.get("/datos/medicion").body()));
    form.put("indicator", code);
    form.put("period", "2025-02");
    form.put("sex", "F");
    form.put("territory", "");
    form.put("value", value);
    form.put("numerator", "");
    form.put("denominator", "");
    form.put("source", "");
    form.put("status", "VALIDATED"); // no such field on the page any more: ignored
    return form;
  }

  @Test
  void aDecimalCommaIsShownBesideTheValueInSpanishAndNothingIsStored() {
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    Map<String, String> form = fields(browser, "12,5");
    form.put("period", "2025-13");

    var page = browser.post("/datos/medicion", form);

    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body())
        .contains("No se guardó: corrija los campos marcados.")
        .contains("id=\"value-error\" class=\"field-error\">use punto decimal: «12.5»</p>")
        .contains("id=\"period-error\"")
        .contains("value=\"12,5\"")
        .doesNotContain("Exception");
    assertThat(points()).isEmpty();
  }

  @Test
  void aValidMeasurementIsStoredAndARepeatIsReportedAsUnchanged() {
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);

    var posted = browser.post("/datos/medicion", fields(browser, "41"));
    // Post/redirect/get: the address is the form's, without the token, and a reload posts nothing.
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    String location = posted.headers().firstValue("location").orElseThrow();
    assertThat(location).startsWith("/datos/medicion?").doesNotContain("_csrf");
    var saved = browser.get(location);
    var again =
        browser.get(
            browser
                .post("/datos/medicion", fields(browser, "41"))
                .headers()
                .firstValue("location")
                .orElseThrow());

    assertThat(saved.body()).contains("Medición guardada: " + code + ", periodo feb. 2025.");
    assertThat(again.body()).contains("Sin cambios: " + code + ", periodo feb. 2025");
    List<Map> points = points();
    assertThat(points).hasSize(1);
    assertThat(((Number) points.get(0).get("value")).doubleValue()).isEqualTo(41.0);
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefused() {
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    Map<String, String> form = fields(browser, "41");
    form.remove("_csrf");

    assertThat(browser.post("/datos/medicion", form).statusCode()).isEqualTo(403);
    assertThat(points()).isEmpty();
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginAndTheCommitteeIsRefused() {
    FormClient anonymous = new FormClient(server.getURI());
    for (String path :
        new String[] {"/datos", "/datos/medicion", "/datos/cargas", "/datos/encuestas"}) {
      var answer = anonymous.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(303);
      assertThat(answer.headers().firstValue("location").orElseThrow())
          .startsWith("/entrar?volver=");
    }
    api.committeeToken();
    FormClient committee =
        FormClient.signedIn(server.getURI(), "test-committee", Api.STAFF_PASSWORD);
    var refused = committee.get("/datos/medicion");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Su rol no permite esta operación.");
  }

  @Test
  void aScriptInAnIndicatorsNameIsShownAsText() {
    String evil = "EV-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Map<String, Object> indicator = IndicatorFixtures.domesticViolenceReports(evil);
    indicator.put("name", "<script>alert(1)</script> denuncias");
    IndicatorFixtures.create(api, analyst, indicator);
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);

    String page = browser.get("/datos/medicion").body();

    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; denuncias");
    assertThat(page).doesNotContain("<script>alert(1)");
  }

  @SuppressWarnings("unchecked")
  private List<Map> points() {
    var series =
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/series?sex=F").bearerAuth(analyst),
                Map.class)
            .value();
    return (List<Map>) series.get("points");
  }
}
