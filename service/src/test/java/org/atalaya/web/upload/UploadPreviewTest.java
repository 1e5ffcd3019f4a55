package org.atalaya.web.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A file through the pages: the dry run lists each bad row (row, column, value, rule, message) and
 * stores nothing; the fixed file is previewed, confirmed, and its figures are stored.
 */
@MicronautTest(environments = "test")
class UploadPreviewTest {
  private static final Pattern STASH = Pattern.compile("name=\"id\" value=\"([^\"]+)\"");

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String code;
  FormClient browser;

  @BeforeEach
  void indicator() {
    api = new Api(client);
    analyst = api.analystToken();
    code = "VD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
  }

  private String csv(String thirdValue) {
    return "indicador,periodo,sexo,valor\n"
        + code
        + ",2025-01,F,10\n"
        + code
        + ",2025-01,M,"
        + thirdValue
        + "\n";
  }

  private java.net.http.HttpResponse<String> send(String csv) {
    String action = FormClient.uploadAction(browser.get("/datos/cargas").body());
    var sent =
        browser.upload(
            action, Map.of(), "archivo", "datos.csv", csv.getBytes(StandardCharsets.UTF_8));
    if (sent.statusCode() != 303) {
      return sent;
    }
    // Post/redirect/get: the preview's own address carries no token, and reading it again (a
    // reload) shows the same preview and stores nothing.
    String location = sent.headers().firstValue("location").orElseThrow();
    assertThat(location).startsWith("/datos/cargas/vista?id=").doesNotContain("_csrf");
    browser.get(location);
    return browser.get(location);
  }

  @Test
  void aBadRowIsListedWithItsRowColumnValueAndRuleAndNothingIsStored() {
    var preview = send(csv("doce"));

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("Vista previa de datos.csv (aún no se guardó nada)")
        .containsPattern("id=\"rechazadas\"[^>]*>1<")
        .containsPattern(
            "<td class=\"num\">3</td>\\s*<td>valor</td>\\s*<td><code>doce</code></td>\\s*"
                + "<td>no es un número</td>")
        .doesNotContain("notNumber")
        .doesNotContain("id=\"confirmar\"");
    assertThat(points("F")).isEmpty();
  }

  @Test
  void theFixedFileIsPreviewedThenStoredOnConfirmation() {
    send(csv("doce"));
    var preview = send(csv("12"));
    assertThat(preview.body()).contains("id=\"confirmar\"").doesNotContain("id=\"errores\"");
    assertThat(points("M")).as("a preview stores nothing").isEmpty();

    var done =
        browser.post(
            "/datos/cargas/confirmar",
            Map.of("_csrf", FormClient.csrf(preview.body()), "id", stashId(preview.body())));

    assertThat(done.statusCode()).isEqualTo(303);
    String location = done.headers().firstValue("location").orElseThrow();
    assertThat(location).doesNotContain("_csrf");
    assertThat(browser.get(location).body())
        .contains("Carga guardada: 2 nuevas, 0 revisadas, 0 sin cambios.");
    assertThat(((Number) points("M").get(0).get("value")).doubleValue()).isEqualTo(12.0);
  }

  @Test
  void onlyTheUploaderCanConfirmAndOnlyOnce() {
    var preview = send(csv("12"));
    String id = stashId(preview.body());
    api.staffToken("test-analyst-2", "ANALYST");
    FormClient other = FormClient.signedIn(server.getURI(), "test-analyst-2", Api.STAFF_PASSWORD);

    var stolen =
        other.post(
            "/datos/cargas/confirmar",
            Map.of("_csrf", FormClient.csrf(other.get("/datos/cargas").body()), "id", id));
    var mine =
        browser.post(
            "/datos/cargas/confirmar", Map.of("_csrf", FormClient.csrf(preview.body()), "id", id));
    var twice =
        browser.post(
            "/datos/cargas/confirmar", Map.of("_csrf", FormClient.csrf(preview.body()), "id", id));

    assertThat(stolen.statusCode()).isEqualTo(422);
    assertThat(stolen.body()).contains("la vista previa caducó o no es suya");
    assertThat(mine.statusCode()).isEqualTo(303);
    assertThat(twice.statusCode()).isEqualTo(422);
  }

  @Test
  void anUploadWithoutTheCsrfTokenIsRefused() {
    var refused =
        browser.upload(
            "/datos/cargas",
            Map.of(),
            "archivo",
            "datos.csv",
            csv("12").getBytes(StandardCharsets.UTF_8));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("código de seguridad").doesNotContain("Exception");
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsExplained() {
    var page = send("fecha;cantidad\n2025-01;3\n");

    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("No se pudo usar el archivo:").contains("falta la columna");
  }

  private static String stashId(String html) {
    Matcher m = STASH.matcher(html);
    assertThat(m.find()).as("a confirm form").isTrue();
    return m.group(1);
  }

  @SuppressWarnings("unchecked")
  private List<Map> points(String sex) {
    var series =
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/series?sex=" + sex)
                    .bearerAuth(analyst),
                Map.class)
            .value();
    return (List<Map>) series.get("points");
  }
}
