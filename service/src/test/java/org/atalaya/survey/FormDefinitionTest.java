package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * A survey defined from its form: pyxform's public specification sample (what Atalaya can estimate
 * is imported, the rest named), an analyst's Spanish XLSForm whose survey then reads a KoboToolbox
 * export and gives the hand-computed estimates, and a KoboToolbox asset's JSON with translations.
 */
@MicronautTest(environments = "test")
class FormDefinitionTest extends SurveyFixture {

  Api.Reply<Map> form(byte[] body, String type, String query) {
    return api.call(
        HttpRequest.POST("/api/surveys/forms" + query, body).contentType(type).bearerAuth(analyst),
        Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void pyxformsSpecSampleImportsItsQuestionsAndNamesWhatItCannot() {
    var reply =
        form(
            resource("xlsform/xlsform_spec_test.xlsx"),
            MicrodataController.XLSX,
            "?code=SPEC-" + suffix + "&name=Spec&weights=peso&file=xlsform_spec_test.xlsx");

    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(201);
    var survey = (Map<String, Object>) reply.value().get("survey");
    var items = (List<Map<String, Object>>) survey.get("items");
    assertThat(items)
        .extracting(i -> i.get("code") + ":" + i.get("type"))
        .containsExactly(
            "skip_to_end:BINARY",
            "autocomplete_test:BINARY",
            "autocomplete_chars_test:BINARY",
            "a_integer:NUMERIC",
            "a_decimal:NUMERIC",
            "launch:NUMERIC");
    assertThat((List<Map<String, Object>>) items.get(0).get("values"))
        .extracting(v -> v.get("code") + "=" + v.get("label"))
        .containsExactly("yes=Yes", "no=No");
    var unsupported = (List<Map<String, Object>>) reply.value().get("unsupported");
    assertThat(unsupported)
        .extracting(u -> u.get("name"))
        .contains(
            "my_name",
            "select_multiple_test",
            "compact-test",
            "date_test",
            "geopoint_test",
            "image_test",
            "acknowledge_test")
        .doesNotContain("start", "note_test", "calculate_test", "everything");
    var multiple =
        unsupported.stream()
            .filter(u -> u.get("name").equals("select_multiple_test"))
            .findFirst()
            .orElseThrow();
    assertThat(multiple.get("message").toString()).contains("grupo repetido");
    var date =
        unsupported.stream().filter(u -> u.get("name").equals("date_test")).findFirst().get();
    assertThat(date.get("message"))
        .isEqualTo("el tipo «date» no se estima (texto, fecha, ubicación, foto…): no se importó");
    assertThat(
            api.call(HttpRequest.GET("/api/surveys/SPEC-" + suffix).bearerAuth(analyst), Map.class)
                .status())
        .isEqualTo(200);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAnalystsXlsFormDefinesASurveyThatReadsAKoboExport() {
    String code = "FORM-" + suffix;
    var reply = form(PerceptionForm.xlsx(), MicrodataController.XLSX, PerceptionForm.design(code));

    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(201);
    var survey = (Map<String, Object>) reply.value().get("survey");
    var items = (List<Map<String, Object>>) survey.get("items");
    assertThat(items)
        .extracting(i -> i.get("code") + ":" + i.get("type"))
        .containsExactly(
            "edad:NUMERIC", "inseguro:BINARY", "confianza:LIKERT", "delitos:SELECT_MULTIPLE");
    assertThat(items.get(1))
        .containsEntry("label", "¿Se siente inseguro en su barrio de noche?")
        .containsEntry("labelEn", "Feels unsafe in their neighbourhood at night")
        .containsEntry("missing", List.of("9"));
    assertThat(items.get(2)).containsEntry("missing", List.of("88"));
    var design = (Map<String, Object>) survey.get("design");
    assertThat((Map<String, Object>) design.get("sex"))
        .containsEntry("codes", Map.of("hombre", "M", "mujer", "F"))
        .containsEntry("missing", List.of("9"));
    assertThat((Map<String, Object>) design.get("territory"))
        .containsEntry("codes", Map.of("barrio_balboa", "LCH-01", "barrio_colon", "LCH-02"));
    assertThat((List<Map<String, Object>>) reply.value().get("unsupported"))
        .extracting(u -> u.get("name"))
        .containsExactly("comentario", "ubicacion");

    wave(code, "r1", "2025-06-01", "2025-06-30");
    created(
        put("/api/surveys/" + code + "/mappings/kobo", Map.of("name", "kobo", "format", "KOBO")));
    var upload = upload(code, "r1", resource("kobo-percepcion.csv"), "kobo.csv", "&mapping=kobo");
    assertThat(upload.status()).as("%s", upload.body()).isEqualTo(200);
    // The same hand-computed figures as KoboOdkImportTest: 70 of 150 feel unsafe; trust 500/140.
    var unsafe = estimates(code, "r1", "item=inseguro&by=sex", analyst);
    assertThat(((Number) cell(unsafe).get("estimate")).doubleValue())
        .isCloseTo(7.0 / 15, within(1e-12));
    assertThat(((Number) cell(unsafe, "F").get("estimate")).doubleValue())
        .isCloseTo(2.0 / 3, within(1e-12));
    var trust = estimates(code, "r1", "item=confianza&kind=MEAN", analyst);
    assertThat(((Number) cell(trust).get("estimate")).doubleValue())
        .isCloseTo(500.0 / 140, within(1e-12));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aKoboAssetWithTranslationsTakesItsSpanishLabels() {
    String asset =
        """
        {"uid": "aXk2Lm9", "content": {
          "translations": ["English (en)", "Español (es)"],
          "survey": [
            {"type": "start", "name": "start"},
            {"type": "begin_group", "name": "seguridad", "label": ["Safety", "Seguridad"]},
            {"type": "select_one", "select_from_list_name": "sino", "$autoname": "inseguro",
             "label": ["Feels unsafe", "Se siente inseguro"]},
            {"type": "integer", "name": "hijos", "label": ["Children", "Hijos"]},
            {"type": "end_group"},
            {"type": "text", "name": "nota", "label": ["Note", "Nota"]}
          ],
          "choices": [
            {"list_name": "sino", "name": "si", "label": ["Yes", "Sí"]},
            {"list_name": "sino", "$autovalue": "no", "label": ["No", "No"]},
            {"list_name": "sino", "name": "99", "label": ["Refused", "No responde"]}
          ]}}
        """;
    var reply =
        form(
            asset.getBytes(StandardCharsets.UTF_8),
            "application/json",
            "?code=ASSET-" + suffix + "&name=Activo&weights=peso&dryRun=true");

    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("saved", false);
    var items =
        (List<Map<String, Object>>)
            ((Map<String, Object>) reply.value().get("survey")).get("items");
    assertThat(items.get(0))
        .containsEntry("code", "inseguro")
        .containsEntry("type", "BINARY")
        .containsEntry("label", "Se siente inseguro")
        .containsEntry("labelEn", "Feels unsafe")
        .containsEntry("missing", List.of("99"));
    assertThat((List<Map<String, Object>>) items.get(0).get("values"))
        .extracting(v -> v.get("code") + "=" + v.get("label"))
        .containsExactly("si=Sí", "no=No");
    assertThat((List<Map<String, Object>>) reply.value().get("unsupported"))
        .extracting(u -> u.get("name"))
        .containsExactly("nota");
    assertThat(
            api.call(HttpRequest.GET("/api/surveys/ASSET-" + suffix).bearerAuth(analyst), Map.class)
                .status())
        .as("a dry run saves nothing")
        .isEqualTo(404);
  }

  @Test
  void aFileThatIsNotAFormIsRefusedNamingIt() {
    var reply =
        form(
            "no soy un libro".getBytes(StandardCharsets.UTF_8),
            MicrodataController.XLSX,
            "?code=BAD-" + suffix + "&name=Malo&weights=peso&file=encuesta.xlsx");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors().get(0).field()).isEqualTo("encuesta.xlsx");
    assertThat(reply.error().errors().get(0).message())
        .isEqualTo("no es un libro de Excel (XLSX o XLS) legible como XLSForm");
  }
}
