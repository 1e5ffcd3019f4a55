package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A survey's KoboToolbox server set up on its page (web.surveyforms) over real HTTP, against the
 * local server that answers as KoboToolbox does (this package's {@link SurveyServers}): the token
 * is never shown again, "Traer ahora" previews without storing, and the confirmation stores.
 */
@MicronautTest(environments = "test")
@Property(
    name = "atalaya.survey.servers.key",
    value = "q1xv0b8yH7QnP3s7b2gP4y3JkR0e9TtW7a1c5D2f8Ls=")
@Property(name = "atalaya.survey.pull.timeout", value = "2s")
@Property(name = "atalaya.survey.pull.attempts", value = "2")
class ServerPagesTest extends SurveyFixture {
  @Inject EmbeddedServer server;

  SurveyServers servers;

  @BeforeEach
  void startServers() throws Exception {
    servers = new SurveyServers();
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void anAnalystSetsUpKoboThenPreviewsAndConfirmsAPull() throws Exception {
    String code = "PULLW-" + suffix;
    var defined =
        api.call(
            HttpRequest.POST(
                    "/api/surveys/forms" + PerceptionForm.design(code), PerceptionForm.xlsx())
                .contentType(MicrodataController.XLSX)
                .bearerAuth(analyst),
            Map.class);
    created(defined);
    wave(code, "servidor", "2025-06-01", "2025-06-30");
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String path = "/gestion/encuestas/" + code + "/servidor";
    String page = browser.get(path).body();

    var refused =
        browser.post(
            path,
            Map.of(
                "_csrf", FormClient.csrf(page),
                "kind", "KOBO",
                "url", "servidor-sin-protocolo",
                "form", "aPercChorrera25",
                "token", SurveyServers.KOBO_TOKEN));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("id=\"url-error\"")
        .contains("servidor-sin-protocolo")
        .doesNotContain(SurveyServers.KOBO_TOKEN);

    var saved =
        browser.post(
            path,
            Map.of(
                "_csrf",
                FormClient.csrf(page),
                "kind",
                "KOBO",
                "url",
                servers.url(),
                "form",
                "aPercChorrera25",
                "token",
                SurveyServers.KOBO_TOKEN));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    page = browser.get(path + "?aviso=guardado").body();
    assertThat(page)
        .contains("Ajustes del servidor guardados.")
        .contains("Credencial guardada.")
        .doesNotContain(SurveyServers.KOBO_TOKEN);

    var preview =
        browser.post(path + "/traer", Map.of("_csrf", FormClient.csrf(page), "ronda", "servidor"));
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body())
        .contains("Vista previa de los envíos de kobotoolbox:aPercChorrera25")
        .contains("id=\"confirmar-traer\"");
    assertThat(loaded(code)).as("a preview stores nothing").isNull();

    var done =
        browser.post(
            path + "/traer/confirmar",
            Map.of("_csrf", FormClient.csrf(preview.body()), "ronda", "servidor"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("Microdatos guardados: 8 personas encuestadas.");
    assertThat(((Map<?, ?>) loaded(code)).get("respondents")).isEqualTo(8);
  }

  private Object loaded(String code) {
    List<?> waves =
        api.call(HttpRequest.GET("/api/surveys/" + code + "/waves").bearerAuth(analyst), List.class)
            .value();
    return ((Map<?, ?>) waves.get(0)).get("loaded");
  }
}
