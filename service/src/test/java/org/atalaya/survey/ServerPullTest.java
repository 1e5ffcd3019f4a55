package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submissions pulled from a server that answers as KoboToolbox does and from one that answers as
 * ODK Central does give, for a survey defined from its XLSForm, exactly the estimates of the same
 * interviews uploaded as a KoboToolbox export file; the rejected submission is left out. Servers
 * that refuse the credentials, are down, are slow or page forever get a Spanish message, bounded
 * attempts, and the wave keeps what it had.
 */
@MicronautTest(environments = "test")
@Property(
    name = "atalaya.survey.servers.key",
    value = "q1xv0b8yH7QnP3s7b2gP4y3JkR0e9TtW7a1c5D2f8Ls=")
@Property(name = "atalaya.survey.pull.timeout", value = "1s")
@Property(name = "atalaya.survey.pull.attempts", value = "2")
@Property(name = "atalaya.survey.pull.retry-pause", value = "10ms")
@Property(name = "atalaya.survey.pull.max-pages", value = "20")
@Property(name = "atalaya.survey.pull.max-time", value = "20s")
class ServerPullTest extends SurveyFixture {
  @Inject DataSource dataSource;

  SurveyServers servers;
  String code;

  @BeforeEach
  void surveyFromItsForm() throws Exception {
    servers = new SurveyServers();
    code = "PULL-" + suffix;
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/surveys/forms" + PerceptionForm.design(code), PerceptionForm.xlsx())
                .contentType(MicrodataController.XLSX)
                .bearerAuth(analyst),
            Map.class);
    created(reply);
    wave(code, "archivo", "2025-06-01", "2025-06-30");
    wave(code, "servidor", "2025-06-01", "2025-06-30");
    created(
        put("/api/surveys/" + code + "/mappings/kobo", Map.of("name", "kobo", "format", "KOBO")));
    var file =
        upload(code, "archivo", resource("kobo-percepcion.csv"), "kobo.csv", "&mapping=kobo");
    assertThat(file.status()).as("%s", file.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  Api.Reply<Map> configure(Map<String, Object> server) {
    return put("/api/surveys/" + code + "/server", server);
  }

  Api.Reply<Map> pull(String wave, boolean dryRun) {
    return post("/api/surveys/" + code + "/waves/" + wave + "/pull?dryRun=" + dryRun, Map.of());
  }

  Map<String, Object> kobo(String token) {
    return Map.of("kind", "KOBO", "url", servers.url(), "form", "aPercChorrera25", "token", token);
  }

  @Test
  @SuppressWarnings("unchecked")
  void koboSubmissionsGiveTheFilesEstimatesAndTheTokenIsNeverShown() throws Exception {
    var saved = configure(kobo(SurveyServers.KOBO_TOKEN));
    assertThat(saved.status()).as("%s", saved.problem()).isEqualTo(200);
    var shown =
        api.call(
            HttpRequest.GET("/api/surveys/" + code + "/server").bearerAuth(analyst), String.class);
    assertThat(shown.value()).contains("\"credential\":\"guardada\"").doesNotContain("kobo-token");
    try (var c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT v.credential FROM survey_server v JOIN survey s ON s.id = v.survey_id"
                    + " WHERE s.code = ?")) {
      s.setString(1, code);
      var r = s.executeQuery();
      r.next();
      assertThat(new String(r.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("kobo");
    }

    var preview = pull("servidor", true);
    assertThat(preview.status()).as("%s", preview.problem()).isEqualTo(200);
    var upload = (Map<String, Object>) preview.value().get("upload");
    assertThat(upload).containsEntry("dryRun", true).containsEntry("accepted", 8);
    assertThat((List<?>) upload.get("preview")).isNotEmpty();
    assertThat(respondents(code, "servidor")).as("a preview stores nothing").isZero();

    var pulled = pull("servidor", false);
    assertThat(pulled.status()).as("%s", pulled.problem()).isEqualTo(200);
    assertThat(pulled.value())
        .containsEntry("submissions", 8)
        .containsEntry("rejected", 1)
        .containsEntry("pages", 3)
        .containsEntry("source", "kobotoolbox:aPercChorrera25");
    assertThat((Map<String, Object>) pulled.value().get("upload")).containsEntry("committed", true);
    assertSameEstimates("servidor");
    var after =
        api.call(
            HttpRequest.GET("/api/surveys/" + code + "/server").bearerAuth(analyst), Map.class);
    assertThat(after.value().get("lastPull"))
        .isEqualTo("ronda servidor: 8 envíos cargados; 1 rechazado, omitido");
  }

  @Test
  void odkCentralSubmissionsGiveTheFilesEstimates() {
    var saved =
        configure(
            Map.of(
                "kind",
                "ODK",
                "url",
                servers.url(),
                "project",
                "7",
                "form",
                "percepcion",
                "email",
                SurveyServers.ODK_EMAIL,
                "password",
                SurveyServers.ODK_PASSWORD));
    assertThat(saved.status()).as("%s", saved.problem()).isEqualTo(200);
    assertThat(saved.value().toString()).doesNotContain(SurveyServers.ODK_PASSWORD);

    var pulled = pull("servidor", false);

    assertThat(pulled.status()).as("%s %s", pulled.problem(), pulled.body()).isEqualTo(200);
    assertThat(pulled.value())
        .containsEntry("submissions", 8)
        .containsEntry("rejected", 1)
        .containsEntry("pages", 3)
        .containsEntry("source", "odk-central:7/percepcion");
    assertSameEstimates("servidor");
  }

  @Test
  void aRefusedTokenIsASpanishMessageAndTheWaveKeepsItsData() {
    configure(kobo("otro-token-vencido"));

    var refused = pull("archivo", false);

    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.error().errors().get(0).message())
        .startsWith("el servidor 127.0.0.1:")
        .contains("rechazó las credenciales guardadas (HTTP 401)");
    assertThat(servers.requests.get()).as("a 401 is not retried").isEqualTo(1);
    assertThat(respondents(code, "archivo")).isEqualTo(8);
  }

  @Test
  void aServerThatIsDownOrSlowIsTriedTwiceThenNamed() throws Exception {
    String down;
    try (var closed = new java.net.ServerSocket(0)) {
      down = "http://127.0.0.1:" + closed.getLocalPort();
    }
    configure(Map.of("kind", "KOBO", "url", down, "form", "aPercChorrera25", "token", "x"));
    var noAnswer = pull("archivo", false);
    assertThat(noAnswer.status()).isEqualTo(502);
    assertThat(noAnswer.error().errors().get(0).message())
        .contains("no responde (conexión rechazada o dirección desconocida) tras 2 intentos");

    servers.server.createContext(
        "/lento/api/v2/assets/aPercChorrera25/data/",
        exchange -> {
          servers.requests.incrementAndGet();
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          SurveyServers.send(exchange, 200, "{\"results\":[],\"next\":null}");
        });
    configure(
        Map.of(
            "kind",
            "KOBO",
            "url",
            servers.url() + "/lento",
            "form",
            "aPercChorrera25",
            "token",
            "x"));
    var slow = pull("archivo", false);
    assertThat(slow.status()).isEqualTo(502);
    assertThat(slow.error().errors().get(0).message())
        .contains("no respondió en 1 segundo, tras 2 intentos");
    assertThat(servers.requests.get()).isEqualTo(2);
    assertThat(respondents(code, "archivo")).isEqualTo(8);
  }

  @Test
  void aServerThatPagesForeverIsStoppedAndNothingIsStored() {
    servers.server.createContext(
        "/eterno/api/v2/assets/aPercChorrera25/data/",
        exchange -> {
          servers.requests.incrementAndGet();
          String self = servers.url() + "/eterno/api/v2/assets/aPercChorrera25/data/?start=0";
          SurveyServers.send(
              exchange,
              200,
              "{\"count\":1,\"next\":\""
                  + self
                  + "\",\"results\":[{\"_uuid\":\"a\",\"diseno/peso\":\"1\","
                  + "\"diseno/estrato\":\"E1\",\"diseno/upm\":\"U1\"}]}");
        });
    configure(
        Map.of(
            "kind",
            "KOBO",
            "url",
            servers.url() + "/eterno",
            "form",
            "aPercChorrera25",
            "token",
            "x"));

    var forever = pull("servidor", false);

    assertThat(forever.status()).isEqualTo(502);
    assertThat(forever.error().errors().get(0).message())
        .isEqualTo("el servidor siguió enviando páginas después de 20: la descarga se detuvo");
    // 20 pages; the JDK client may resend one GET whose connection the server closed.
    assertThat(servers.requests.get()).isBetween(20, 21);
    assertThat(respondents(code, "servidor")).isZero();
  }

  /** Every estimate of the pulled wave equals the uploaded file's, standard errors included. */
  private void assertSameEstimates(String wave) {
    for (String query :
        List.of(
            "item=inseguro&by=sex",
            "item=inseguro&by=territory",
            "item=delitos&value=robo",
            "item=confianza&kind=MEAN")) {
      var fromFile = estimates(code, "archivo", query, analyst);
      var pulled = estimates(code, wave, query, analyst);
      assertThat(strip(cells(pulled))).as(query).isEqualTo(strip(cells(fromFile)));
    }
    var unsafe = estimates(code, wave, "item=inseguro", analyst);
    assertThat(((Number) cell(unsafe).get("estimate")).doubleValue())
        .isCloseTo(7.0 / 15, org.assertj.core.api.Assertions.within(1e-12));
  }

  private static List<Map<String, Object>> strip(List<Map<String, Object>> cells) {
    return cells.stream()
        .map(
            c -> {
              Map<String, Object> copy = new HashMap<>(c);
              copy.remove("wave");
              return copy;
            })
        .toList();
  }
}
