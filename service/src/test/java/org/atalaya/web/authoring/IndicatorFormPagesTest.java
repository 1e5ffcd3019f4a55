package org.atalaya.web.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An indicator and its targets written through the forms, over real HTTP: the API's checks beside
 * each field in Spanish with what was typed kept, targets by sex typed as periods and due at the
 * end of them, a concurrent change shown rather than overwritten, and deletion.
 */
@MicronautTest(environments = "test")
class IndicatorFormPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  FormClient browser;
  String code;
  String plan;

  @BeforeEach
  void signIn() {
    api = new Api(client);
    String analyst = api.analystToken();
    // A draft plan of its own: the demo plan is published, where an indicator is only proposed.
    plan = "FP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/plans",
                    Map.of(
                        "code", plan,
                        "name", "Plan de prueba",
                        "territory", "LCH",
                        "periodStart", "2025-01-01",
                        "periodEnd", "2027-12-31"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
    var card =
        api.call(
            HttpRequest.POST(
                    "/api/plans/" + plan + "/axes/CONT/actions",
                    Map.of(
                        "code", "CONT-01",
                        "title", "Atención a víctimas",
                        "problem", "Violencia en la pareja",
                        "generalObjective", "Reducir la violencia en la pareja"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(card.status()).isEqualTo(201);
    browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    code = "FORM-" + Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  @Test
  void aNewIndicatorOfAPublishedPlanSaysBeforeSavingThatItBecomesAProposal() {
    assertThat(browser.get("/indicadores/nuevo?plan=LCH-PISCC-2025&ficha=PREV-01").body())
        .contains("id=\"controlado\"")
        .contains("Este plan está publicado: lo que cambie aquí se propone como una nueva versión");
    assertThat(browser.get("/indicadores/nuevo?plan=" + plan + "&ficha=CONT-01").body())
        .as("a draft plan's indicator is saved at once")
        .doesNotContain("id=\"controlado\"");
  }

  private Map<String, String> indicator(String rateBase) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(browser.get("/indicadores/nuevo").body()));
    f.put("code", code);
    f.put("name", "Tasa de víctimas de violencia en la pareja");
    f.put("description", "Víctimas atendidas por cada 100 000 habitantes");
    f.put("kind", "RATE");
    f.put("rateBase", rateBase);
    f.put("unit", "por 100 000 hab.");
    f.put("direction", "DECREASE");
    f.put("tolerance", "");
    f.put("frequency", "QUARTERLY");
    f.put("accumulation", "PERIODIC");
    f.put("bySex", "on");
    f.put("numeratorDefinition", "Víctimas atendidas");
    f.put("denominatorDefinition", "Población del trimestre");
    f.put("sourceKind", "ADMINISTRATIVE");
    f.put("institution", "MP");
    f.put("actionCardPlan", plan);
    f.put("actionCardCode", "CONT-01");
    f.put("sources", "MP; Ministerio Público; MP\nPN; Policía Nacional");
    return f;
  }

  private void create() {
    var saved = browser.post("/indicadores/nuevo", indicator("100 000"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
  }

  @Test
  void aRateWithoutItsBaseIsRefusedBesideTheFieldThenDefinedWithEveryField() {
    var refused = browser.post("/indicadores/nuevo", indicator(""));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Corrija los campos marcados")
        .contains("id=\"rateBase-error\"")
        .contains("value=\"Tasa de víctimas de violencia en la pareja\"")
        .contains("MP; Ministerio Público; MP\nPN; Policía Nacional")
        .doesNotContain("Exception");
    assertThat(read("/api/indicators/" + code, Map.class).status()).isEqualTo(404);

    var saved = browser.post("/indicadores/nuevo", indicator("100 000"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("location").orElseThrow())
        .startsWith("/indicadores/" + code + "/metas");
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = read("/api/indicators/" + code, Map.class).value();
    assertThat(doc)
        .containsEntry("kind", "RATE")
        .containsEntry("rateBase", 100000)
        .containsEntry("frequency", "QUARTERLY")
        .containsEntry("institution", "MP")
        .containsEntry("actionCard", Map.of("plan", plan, "code", "CONT-01"))
        .containsEntry(
            "disaggregations", Map.of("sex", true, "territory", false, "ageGroup", false));
    assertThat((List<Object>) doc.get("sources"))
        .containsExactly(
            Map.of(
                "code", "MP", "name", "Ministerio Público", "institution", "MP", "official", true),
            Map.of("code", "PN", "name", "Policía Nacional", "official", false));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anIndicatorSavedWithoutSourcesNamesItsInstitutionNotAPlaceholder() {
    Map<String, String> f = indicator("100 000");
    f.put("sources", "");
    var saved = browser.post("/indicadores/nuevo", f);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

    Map<String, Object> doc = read("/api/indicators/" + code, Map.class).value();
    assertThat((List<Object>) doc.get("sources"))
        .containsExactly(
            Map.of(
                "code",
                "OFICIAL",
                "name",
                "Ministerio Público",
                "institution",
                "MP",
                "official",
                true));
    assertThat(browser.get("/indicadores/" + code).body())
        .contains("Ministerio Público (fuente oficial)")
        .doesNotContain("Fuente oficial");
  }

  @Test
  void targetsBySexTypedAsPeriodsAreDueAtTheEndOfThemAndShownOnTheIndicatorPage() {
    create();
    String page = browser.get("/indicadores/" + code + "/metas").body();
    assertThat(page).contains("2025-T1 es la meta al 31 de marzo de 2025");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(page));
    f.put("base", base(page));
    row(f, 0, "_T", "2024-T4", "20", "2026-T2 17,5", "2027-T4", "15");
    row(f, 1, "F", "2024-T4", "31,2", "", "2027", "22");
    row(f, 2, "M", "2024-T4", "9", "", "2027-12-31", "7");
    row(f, 3, "_T", "", "", "", "", "");

    var saved = browser.post("/indicadores/" + code + "/metas", f);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    List<?> targets = read("/api/indicators/" + code + "/targets", List.class).value();
    assertThat(targets).hasSize(3);
    Map<?, ?> women = (Map<?, ?>) targets.get(1);
    assertThat(women.get("sex")).isEqualTo("F");
    assertThat(women.get("baseline")).isEqualTo(Map.of("period", "2024-10-01", "value", 31.2));
    assertThat(women.get("target")).isEqualTo(Map.of("period", "2027-12-31", "value", 22));
    assertThat(((Map<?, ?>) targets.get(0)).get("milestones"))
        .isEqualTo(List.of(Map.of("period", "2026-06-30", "value", 17.5)));

    String shown = browser.get(saved.headers().firstValue("location").orElseThrow()).body();
    assertThat(shown)
        .contains("Metas guardadas.")
        .contains("Mujeres · La Chorrera")
        .contains("Hombres · La Chorrera")
        .contains("31.2 por 100 000 hab. (4.º trimestre de 2024)")
        .contains("22.0 por 100 000 hab. (31 dic. 2027)");
    // Read back into the form as the periods they end.
    assertThat(browser.get("/indicadores/" + code + "/metas").body())
        .contains("value=\"2027-T4\"")
        .contains("2026-T2 17.5");
  }

  @Test
  void anUnreadablePeriodAndATargetBeforeItsBaselineAreShownBesideTheirRows() {
    create();
    String page = browser.get("/indicadores/" + code + "/metas").body();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(page));
    f.put("base", base(page));
    row(f, 0, "_T", "2024-T4", "20", "", "2027-T5", "15");
    row(f, 1, "F", "2024-T4", "31", "", "2023", "22");

    var refused = browser.post("/indicadores/" + code + "/metas", f);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("id=\"targetPeriod-0-error\" class=\"field-error\">no es un periodo")
        .contains("value=\"2027-T5\"");

    row(f, 0, "_T", "2024-T4", "20", "", "2027-T4", "15");
    var order = browser.post("/indicadores/" + code + "/metas", f);
    assertThat(order.statusCode()).isEqualTo(422);
    assertThat(order.body())
        .contains("id=\"targetPeriod-1-error\"")
        .doesNotContain("targetPeriod-0-error");
    assertThat(read("/api/indicators/" + code + "/targets", List.class).value()).isEmpty();
  }

  @Test
  void targetsSomeoneElseSavedMeanwhileAreShownNotOverwritten() {
    create();
    String page = browser.get("/indicadores/" + code + "/metas").body();
    api.call(
        HttpRequest.PUT(
                "/api/indicators/" + code + "/targets",
                List.of(
                    Map.of(
                        "territory", "LCH",
                        "baseline", Map.of("period", "2024-10-01", "value", 20),
                        "target", Map.of("period", "2027-12-31", "value", 12))))
            .bearerAuth(api.analystToken()),
        List.class);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(page));
    f.put("base", base(page));
    row(f, 0, "_T", "2024-T4", "20", "", "2027-T4", "15");

    var refused = browser.post("/indicadores/" + code + "/metas", f);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("id=\"cambio-ajeno\"")
        .contains("Meta 1 › Meta final › Valor");
    assertThat(refused.body()).contains("value=\"15\"");
    Map<?, ?> kept =
        (Map<?, ?>) read("/api/indicators/" + code + "/targets", List.class).value().get(0);
    assertThat(kept.get("target")).isEqualTo(Map.of("period", "2027-12-31", "value", 12));
  }

  @Test
  void anIndicatorWithoutMeasurementsIsEditedThenDeleted() {
    create();
    String page = browser.get("/indicadores/" + code + "/editar").body();
    assertThat(page).contains("value=\"Tasa de víctimas de violencia en la pareja\"");
    Map<String, String> f = indicator("100000");
    f.put("_csrf", FormClient.csrf(page));
    f.put("base", base(page));
    f.put("name", "Víctimas de violencia en la pareja por 100 000 habitantes");
    var saved = browser.post("/indicadores/" + code + "/editar", f);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(read("/api/indicators/" + code, Map.class).value())
        .containsEntry("name", "Víctimas de violencia en la pareja por 100 000 habitantes");

    var deleted =
        browser.post("/indicadores/" + code + "/borrar", Map.of("_csrf", FormClient.csrf(page)));
    assertThat(deleted.statusCode()).isEqualTo(303);
    assertThat(read("/api/indicators/" + code, Map.class).status()).isEqualTo(404);
  }

  private static void row(
      Map<String, String> f,
      int i,
      String sex,
      String baselinePeriod,
      String baselineValue,
      String milestones,
      String targetPeriod,
      String targetValue) {
    f.put("sex-" + i, sex);
    f.put("territory-" + i, "LCH");
    f.put("baselinePeriod-" + i, baselinePeriod);
    f.put("baselineValue-" + i, baselineValue);
    f.put("milestones-" + i, milestones);
    f.put("targetPeriod-" + i, targetPeriod);
    f.put("targetValue-" + i, targetValue);
  }

  /** Reads the API as the analyst. */
  private <T> org.atalaya.testsupport.Api.Reply<T> read(String uri, Class<T> type) {
    return api.call(HttpRequest.GET(uri).bearerAuth(api.analystToken()), type);
  }

  private static String base(String html) {
    var m = java.util.regex.Pattern.compile("name=\"base\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
