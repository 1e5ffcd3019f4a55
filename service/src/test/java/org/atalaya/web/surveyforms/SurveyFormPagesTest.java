package org.atalaya.web.surveyforms;

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
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * A survey defined in the browser over real HTTP: its questions and design, a wave, an item bound
 * to an indicator; a refused definition keeps what was typed; a survey changed meanwhile is not
 * overwritten.
 */
@MicronautTest(environments = "test")
class SurveyFormPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private static String code(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  private FormClient analyst() {
    new Api(client).analystToken();
    return FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
  }

  static Map<String, String> smallSurvey(String csrf, String code) {
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", csrf);
    form.put("code", code);
    form.put("name", "Sondeo de convivencia");
    form.put("periodStart", "2025-03-01");
    form.put("periodEnd", "2025-03-31");
    form.put("weights", "peso");
    form.put("sexVariable", "sexo");
    form.put("sexCodes", "1 = F\n2 = M");
    form.put("item-0-code", "inseguro");
    form.put("item-0-type", "BINARY");
    form.put("item-0-label", "¿Se siente inseguro en su barrio?");
    form.put("item-0-values", "1 = Sí\n2 = No");
    form.put("item-0-missing", "98, 99");
    form.put("item-1-code", "");
    form.put("item-1-type", "BINARY");
    form.put("item-1-label", "");
    return form;
  }

  @Test
  void anAnalystDefinesASurveyThenAWaveAndBindsAQuestionToAnIndicator() {
    Api api = new Api(client);
    String token = api.analystToken();
    FormClient browser = analyst();
    String code = code("SF");
    String blank = browser.get("/gestion/encuestas/nueva").body();
    assertThat(blank).contains("Definir una encuesta").contains("Factores de expansión");

    var saved = browser.post("/gestion/encuestas/nueva", smallSurvey(FormClient.csrf(blank), code));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    Map<?, ?> doc =
        api.call(HttpRequest.GET("/api/surveys/" + code).bearerAuth(token), Map.class).value();
    Map<?, ?> item = (Map<?, ?>) ((List<?>) doc.get("items")).get(0);
    assertThat(item.get("missing")).isEqualTo(List.of("98", "99"));
    assertThat(((Map<?, ?>) ((List<?>) item.get("values")).get(0)).get("label")).isEqualTo("Sí");
    assertThat(((Map<?, ?>) ((Map<?, ?>) doc.get("design")).get("sex")).get("codes"))
        .isEqualTo(Map.of("1", "F", "2", "M"));

    String page = browser.get("/gestion/encuestas/" + code + "?aviso=guardada").body();
    assertThat(page).contains("Encuesta guardada.").contains("Todavía no hay rondas.");
    var wave =
        browser.post(
            "/gestion/encuestas/" + code + "/rondas",
            Map.of(
                "_csrf", FormClient.csrf(page),
                "code", "R1",
                "name", "Ronda de marzo",
                "periodStart", "2025-03-01",
                "periodEnd", "2025-03-31"));
    assertThat(wave.statusCode()).as(wave.body()).isEqualTo(303);
    page = browser.get("/gestion/encuestas/" + code).body();
    assertThat(page)
        .contains("Ronda de marzo")
        .contains("1 mar. 2025 – 31 mar. 2025")
        .contains("Sin microdatos");

    String indicator = code("SFI");
    Map<String, Object> fixture = IndicatorFixtures.perceivedInsecurity(indicator);
    IndicatorFixtures.create(api, token, fixture);
    page = browser.get("/gestion/encuestas/" + code).body();
    var bound =
        browser.post(
            "/gestion/encuestas/" + code + "/indicadores",
            Map.of(
                "_csrf", FormClient.csrf(page),
                "indicator", indicator,
                "item", "inseguro",
                "kind", "PROPORTION",
                "value", "1",
                "weight", "",
                "scale", ""));
    assertThat(bound.statusCode()).as(bound.body()).isEqualTo(303);
    List<?> bindings =
        api.call(
                HttpRequest.GET("/api/surveys/" + code + "/indicators").bearerAuth(token),
                List.class)
            .value();
    assertThat(bindings).hasSize(1);
    assertThat(browser.get("/gestion/encuestas/" + code + "?aviso=indicador").body())
        .contains("Indicador vinculado.")
        .contains("<td>" + indicator + "</td>");
  }

  @Test
  void aRefusedSurveyNamesEachFieldInSpanishAndKeepsWhatWasTyped() {
    FormClient browser = analyst();
    String code = code("SF");
    String blank = browser.get("/gestion/encuestas/nueva").body();
    Map<String, String> form = smallSurvey(FormClient.csrf(blank), code);
    form.put("weights", "peso_hogar, peso_persona");
    form.put("item-0-values", "1 = Sí\n2 = No\n3 = A veces");
    form.put("periodEnd", "31/03/2025");
    form.put("sexCodes", "1 = F\n2 mujer");

    var refused = browser.post("/gestion/encuestas/nueva", form);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("¿Se siente inseguro en su barrio?")
        .contains("1 = Sí\n2 = No\n3 = A veces")
        .contains("id=\"item-0-values-error\"")
        .contains("una pregunta sí/no tiene exactamente dos valores")
        .contains("id=\"item-0-weight-error\"")
        .contains("id=\"periodEnd-error\"")
        .contains("no es una fecha")
        .contains("id=\"sexCodes-error\"");
    Api api = new Api(client);
    var stored =
        api.call(HttpRequest.GET("/api/surveys/" + code).bearerAuth(api.analystToken()), Map.class);
    assertThat(stored.status()).as("nothing half-written").isEqualTo(404);
  }

  @Test
  void aSurveyChangedMeanwhileIsNotOverwrittenAndTheOtherChangeIsShown() {
    Api api = new Api(client);
    String token = api.analystToken();
    FormClient browser = analyst();
    String code = code("SF");
    String blank = browser.get("/gestion/encuestas/nueva").body();
    browser.post("/gestion/encuestas/nueva", smallSurvey(FormClient.csrf(blank), code));
    String opened = browser.get("/gestion/encuestas/" + code + "/editar").body();
    assertThat(opened).contains("Sondeo de convivencia").contains("1 = Sí\n2 = No");

    Map<String, Object> theirs =
        new HashMap<>(
            api.call(HttpRequest.GET("/api/surveys/" + code).bearerAuth(token), Map.class).value());
    theirs.put("name", "Sondeo de convivencia y victimización");
    assertThat(
            api.call(HttpRequest.PUT("/api/surveys/" + code, theirs).bearerAuth(token), Map.class)
                .status())
        .isEqualTo(200);

    Map<String, String> mine = smallSurvey(FormClient.csrf(opened), code);
    mine.put("base", opened.replaceAll("(?s).*name=\"base\" value=\"([^\"]*)\".*", "$1"));
    mine.put("item-0-label", "¿Qué tan inseguro se siente?");
    var refused = browser.post("/gestion/encuestas/" + code + "/editar", mine);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("Cuando usted la abrió")
        .contains("Sondeo de convivencia y victimización")
        .contains("¿Qué tan inseguro se siente?");
    Map<?, ?> now =
        api.call(HttpRequest.GET("/api/surveys/" + code).bearerAuth(token), Map.class).value();
    assertThat(now.get("name")).isEqualTo("Sondeo de convivencia y victimización");
  }
}
