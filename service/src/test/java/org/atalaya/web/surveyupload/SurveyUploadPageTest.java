package org.atalaya.web.surveyupload;

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
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/** A survey wave from the pages: save a mapping, preview a file with a bad row, fix, confirm. */
@MicronautTest(environments = "test")
class SurveyUploadPageTest {
  private static final Pattern STASH = Pattern.compile("name=\"id\" value=\"([^\"]+)\"");

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aMappedFileIsPreviewedWithItsErrorsThenStoredOnceFixed() {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String code = "SP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Map<String, Object> item =
        Map.of("code", "inseguro", "label", "Se siente inseguro", "type", "BINARY");
    Map<String, Object> survey =
        Map.of(
            "code",
            code,
            "name",
            "Sondeo de barrio",
            "design",
            Map.of("weights", List.of("w")),
            "items",
            List.of(item));
    assertThat(
            api.call(HttpRequest.POST("/api/surveys", survey).bearerAuth(analyst), Map.class)
                .status())
        .isEqualTo(201);
    Map<String, Object> wave =
        Map.of(
            "code",
            "R1",
            "name",
            "Ronda 1",
            "periodStart",
            "2025-03-01",
            "periodEnd",
            "2025-03-31");
    api.call(
        HttpRequest.POST("/api/surveys/" + code + "/waves", wave).bearerAuth(analyst), Map.class);
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);

    String page = browser.get("/datos/encuestas/" + code).body();
    assertThat(page).contains("Sondeo de barrio").contains("Ronda 1");
    var saved =
        browser.post(
            "/datos/encuestas/" + code + "/mapeos",
            Map.of(
                "_csrf", FormClient.csrf(page),
                "name", "plano",
                "format", "PLAIN",
                "respondentId", "",
                "columns", "w = peso\ninseguro = siente_inseguro\n"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    page = browser.get("/datos/encuestas/" + code + "?mapeo=plano").body();
    assertThat(page).contains("inseguro = siente_inseguro");

    String action = FormClient.uploadAction(page);
    var bad =
        browser.upload(
            action,
            Map.of("ronda", "R1", "mapeo", "plano"),
            "archivo",
            "ronda1.csv",
            "peso,siente_inseguro\n1,1\n1,7\n1,0\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.body())
        .contains("Vista previa de ronda1.csv")
        .containsPattern("<td class=\"num\">3</td><td>siente_inseguro</td><td><code>7</code></td>")
        .doesNotContain("id=\"confirmar\"");

    var good =
        browser.upload(
            action,
            Map.of("ronda", "R1", "mapeo", "plano"),
            "archivo",
            "ronda1.csv",
            "peso,siente_inseguro\n1,1\n1,1\n1,0\n".getBytes(StandardCharsets.UTF_8));
    Matcher id = STASH.matcher(good.body());
    assertThat(id.find()).as(good.body()).isTrue();
    var done =
        browser.post(
            "/datos/encuestas/" + code + "/confirmar",
            Map.of(
                "_csrf",
                FormClient.csrf(good.body()),
                "id",
                id.group(1),
                "ronda",
                "R1",
                "mapeo",
                "plano"));

    assertThat(done.body()).contains("Microdatos guardados: 3 personas encuestadas.");
    List<Map> waves =
        api.call(HttpRequest.GET("/api/surveys/" + code + "/waves").bearerAuth(analyst), List.class)
            .value();
    assertThat(((Map) waves.get(0).get("loaded")).get("respondents")).isEqualTo(3);
  }

  @Test
  void aMappingNamingAnUnknownVariableIsRefusedAndTheTextKept() {
    Api api = new Api(client);
    api.analystToken();
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String list = browser.get("/datos/encuestas").body();
    Matcher first = Pattern.compile("href=\"/datos/encuestas/([^\"]+)\"").matcher(list);
    assertThat(first.find()).as("the demo survey is listed").isTrue();
    String code = first.group(1);
    String page = browser.get("/datos/encuestas/" + code).body();

    var refused =
        browser.post(
            "/datos/encuestas/" + code + "/mapeos",
            Map.of(
                "_csrf",
                FormClient.csrf(page),
                "name",
                "malo",
                "format",
                "KOBO",
                "respondentId",
                "",
                "columns",
                "no_existe = columna_x\nlinea sin signo\n"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("no_existe = columna_x").contains("columns[2]");
  }
}
