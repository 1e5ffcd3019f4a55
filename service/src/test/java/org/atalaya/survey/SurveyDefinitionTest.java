package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.shared.Problem;
import org.junit.jupiter.api.Test;

/**
 * Definitions, mappings and published figures are checked field by field; microdata never leave
 * through a public route, and only analysts and administrators write.
 */
@MicronautTest(environments = "test")
class SurveyDefinitionTest extends SurveyFixture {

  @Test
  void aDefinitionRoundTripsAndItsMistakesAreNamedByField() {
    String code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    Map<String, Object> back =
        api.call(HttpRequest.GET("/api/surveys/" + code).bearerAuth(analyst), Map.class).value();
    assertThat(back).containsEntry("code", code).containsEntry("periodStart", "2025-01-01");
    assertThat((List<?>) back.get("items")).hasSize(4);

    Map<String, Object> bad = new HashMap<>(LocalSurveys.perception("PERC-X" + suffix));
    bad.put("name", "");
    bad.put(
        "design",
        Map.of(
            "weights", List.of("peso", "peso"),
            "sex", Map.of("variable", "sexo", "codes", Map.of("1", "H")),
            "territory", Map.of("variable", "corr", "codes", Map.of("1", "NO-EXISTE"))));
    var reply = post("/api/surveys", bad);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors()).extracting(Problem.Violation::field).containsExactly("name");

    bad.put("name", "Encuesta");
    bad.put(
        "items",
        List.of(
            item("inseguro", "Inseguro", "BINARY", 1, "Sí", 2, "No", 3, "Tal vez"),
            item("inseguro", "Repetida", "NUMERIC"),
            item("delitos", "Delitos", "SELECT_MULTIPLE", "robo de auto", "Robo de auto")));
    var crossed = post("/api/surveys", bad);
    assertThat(crossed.status()).isEqualTo(422);
    assertThat(crossed.error().errors())
        .extracting(Problem.Violation::field)
        .containsExactlyInAnyOrder(
            "design.weights",
            "design.sex.codes.1",
            "design.territory.codes.1",
            "items[0].values",
            "items[1].code",
            "items[2].values[0].code");
  }

  @Test
  void withPersonAndHouseholdWeightsEachQuestionNamesItsOwn() {
    String code = "HOG-" + suffix;
    Map<String, Object> survey = new HashMap<>(LocalSurveys.perception(code));
    survey.put("design", Map.of("weights", List.of("peso_persona", "peso_hogar")));
    Map<String, Object> household = new HashMap<>(item("hogar", "Hogar víctima", "BINARY"));
    household.put("weight", "peso_vivienda");
    survey.put("items", List.of(item("inseguro", "Inseguro", "BINARY"), household));

    var refused = post("/api/surveys", survey);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().errors())
        .extracting(Problem.Violation::field)
        .containsExactly("items[0].weight", "items[1].weight");
    assertThat(refused.error().errors().get(0).message())
        .contains("varios factores de expansión (peso_persona, peso_hogar)");
    assertThat(refused.error().errors().get(1).message())
        .contains("«peso_vivienda» no es un factor de expansión del diseño");

    Map<String, Object> person = new HashMap<>(item("inseguro", "Inseguro", "BINARY"));
    person.put("weight", "peso_persona");
    household.put("weight", "peso_hogar");
    survey.put("items", List.of(person, household));
    created(post("/api/surveys", survey));
    Map<String, Object> back =
        api.call(HttpRequest.GET("/api/surveys/" + code).bearerAuth(analyst), Map.class).value();
    assertThat((List<Map<String, Object>>) back.get("items"))
        .extracting(i -> i.get("weight"))
        .containsExactly("peso_persona", "peso_hogar");
  }

  @Test
  void aMappingMayOnlyNameTheSurveysVariables() {
    String code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));

    var reply =
        put(
            "/api/surveys/" + code + "/mappings/kobo",
            Map.of("name", "kobo", "columns", Map.of("pesos", "peso", "delitos/robo", "d_robo")));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting(Problem.Violation::field)
        .containsExactly("columns.pesos");
    assertThat(reply.error().errors().get(0).message()).contains("peso, estrato, upm");
  }

  @Test
  void publishedFiguresEnteredByHandComeBackAsEstimates() {
    String code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2019", "2019-01-01", "2019-12-31");

    var refused =
        post(
            "/api/surveys/" + code + "/waves/2019/aggregates",
            List.of(
                Map.of(
                    "item",
                    "inseguro",
                    "kind",
                    "PROPORTION",
                    "value",
                    "1",
                    "estimate",
                    0.4,
                    "n",
                    900)));
    var saved =
        post(
            "/api/surveys/" + code + "/waves/2019/aggregates",
            List.of(
                Map.of(
                    "item",
                    "inseguro",
                    "kind",
                    "PROPORTION",
                    "value",
                    "1",
                    "estimate",
                    0.42,
                    "se",
                    0.015,
                    "n",
                    1200,
                    "df",
                    80),
                Map.of(
                    "item",
                    "inseguro",
                    "kind",
                    "PROPORTION",
                    "value",
                    "1",
                    "sex",
                    "F",
                    "estimate",
                    0.47,
                    "ciLower",
                    0.43,
                    "ciUpper",
                    0.51,
                    "n",
                    640),
                Map.of(
                    "item",
                    "inseguro",
                    "kind",
                    "PROPORTION",
                    "value",
                    "1",
                    "sex",
                    "M",
                    "estimate",
                    0.36,
                    "se",
                    0.02,
                    "n",
                    560)));
    var table = estimates(code, "2019", "item=inseguro&by=sex", analyst);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().errors())
        .extracting(Problem.Violation::field)
        .containsExactly("[0].se");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(cell(table))
        .containsEntry("estimate", 0.42)
        .containsEntry("se", 0.015)
        .containsEntry("df", 80);
    // An interval given without SE: SE = width / (2 · 1.96).
    assertThat((double) cell(table, "F").get("se"))
        .isCloseTo(0.08 / (2 * 1.959963984540054), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(cell(table, "F")).containsEntry("ciLower", 0.43).containsEntry("n", 640);
    assertThat(cell(table, "M")).containsEntry("estimate", 0.36);
  }

  @Test
  void onlyStaffReadDefinitionsAndOnlyAnalystsAndAdministratorsWrite() {
    String code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2025", "2025-06-01", "2025-06-30");
    String committee = api.committeeToken();
    byte[] file = MicrodataBadInputTest.GOOD.getBytes(StandardCharsets.UTF_8);
    String upload = "/api/surveys/" + code + "/waves/2025/microdata?file=d.csv";

    assertThat(api.call(HttpRequest.GET("/api/surveys/" + code), Map.class).status())
        .isEqualTo(401);
    assertThat(api.call(HttpRequest.POST(upload, file).contentType("text/csv"), Map.class).status())
        .isEqualTo(401);
    assertThat(
            api.call(
                    HttpRequest.POST(upload, file).contentType("text/csv").bearerAuth(committee),
                    Map.class)
                .status())
        .isEqualTo(403);
    assertThat(
            api.call(
                    HttpRequest.POST("/api/surveys", LocalSurveys.perception("C-" + suffix))
                        .bearerAuth(committee),
                    Map.class)
                .status())
        .isEqualTo(403);
  }
}
