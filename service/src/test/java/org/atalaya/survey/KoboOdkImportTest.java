package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same eight interviews exported by KoboToolbox (groups with "/", select-multiple both as one
 * column and one 0/1 column per choice, _uuid…) and by ODK Briefcase (groups with "-", KEY), each
 * read through its saved mapping, give the estimates worked out by hand below.
 *
 * <p>Respondents (weight, stratum/PSU, sex, corregimiento, feels unsafe 1=yes 2=no 9=missing): 10
 * E1/U1 F LCH-01 1; 20 E1/U1 M LCH-01 2; 10 E1/U2 F LCH-01 1; 30 E1/U2 M LCH-01 1; 20 E2/U3 F
 * LCH-02 2; 10 E2/U3 M LCH-02 9; 20 E2/U4 F LCH-02 1; 40 E2/U4 M LCH-02 2.
 */
@MicronautTest(environments = "test")
class KoboOdkImportTest extends SurveyFixture {
  String code;

  @BeforeEach
  void survey() {
    code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "kobo", "2025-06-01", "2025-06-30");
    wave(code, "odk", "2025-06-01", "2025-06-30");
    created(
        put("/api/surveys/" + code + "/mappings/kobo", Map.of("name", "kobo", "format", "KOBO")));
    created(put("/api/surveys/" + code + "/mappings/odk", Map.of("name", "odk", "format", "ODK")));
  }

  @Test
  void aKoboExportImportsAndGivesTheHandComputedEstimates() {
    var reply = upload(code, "kobo", resource("kobo-percepcion.csv"), "kobo.csv", "&mapping=kobo");

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("accepted", 8).containsEntry("committed", true);
    assertThat((List<String>) reply.value().get("variables"))
        .contains("inseguro", "delitos/robo", "delitos/hurto", "delitos/agresion");
    assertThat((List<String>) reply.value().get("ignoredColumns"))
        .containsExactly(
            "start",
            "end",
            "_id",
            "_submission_time",
            "_validation_status",
            "_notes",
            "_status",
            "_submitted_by",
            "__version__",
            "_tags",
            "_index");
    assertHandComputed("kobo");
  }

  @Test
  void anOdkBriefcaseExportImportsAndGivesTheSameEstimates() {
    var reply = upload(code, "odk", resource("odk-percepcion.csv"), "odk.csv", "&mapping=odk");

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("accepted", 8);
    assertThat((List<String>) reply.value().get("ignoredColumns"))
        .containsExactly("SubmissionDate", "meta-instanceID");
    assertHandComputed("odk");
  }

  @Test
  void aKoboExportWithOnlyTheOneColumnPerChoiceReadsTheChoicesFromThem() {
    String both = new String(resource("kobo-percepcion.csv"), StandardCharsets.UTF_8);
    String details = withoutColumn(both, "victimizacion/delitos");

    var reply =
        upload(code, "kobo", details.getBytes(StandardCharsets.UTF_8), "kobo.csv", "&mapping=kobo");

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    var robo = estimates(code, "kobo", "item=delitos&value=robo", analyst);
    assertThat(number(cell(robo), "estimate")).isCloseTo(50.0 / 130, within(1e-12));
  }

  private void assertHandComputed(String wave) {
    // Feels unsafe: yes-weights 10+10+30+20 = 70 over the answered 150 (the 9 is missing): 7/15.
    var unsafe = estimates(code, wave, "item=inseguro&by=sex", analyst);
    var total = cell(unsafe);
    assertThat(number(total, "estimate")).isCloseTo(7.0 / 15, within(1e-12));
    assertThat(number(total, "n")).isEqualTo(7);
    assertThat(number(total, "df")).as("4 PSUs - 2 strata").isEqualTo(2);
    // Linearised z = w(y − p)/150 summed per PSU (×150): U1 −4, U2 64/3, U3 −28/3, U4 −8. With two
    // PSUs per stratum each stratum adds (difference)²: (76/3)² + (4/3)² = 5792/9; var = that/150².
    assertThat(number(total, "se")).isCloseTo(Math.sqrt(5792.0 / 9 / 22500), within(1e-12));
    // Women 10+10+20 = 40 of 60; men 30 of 20+30+40 = 90.
    assertThat(number(cell(unsafe, "F"), "estimate")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(number(cell(unsafe, "M"), "estimate")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(number(cell(unsafe, "M"), "n")).isEqualTo(3);
    assertThat(((List<Map<String, Object>>) cell(unsafe, "F").get("domain")).get(0))
        .containsEntry("label", "Mujeres");

    var byPlace = estimates(code, wave, "item=inseguro&by=territory", analyst);
    // Barrio Balboa: 10+10+30 = 50 of 70.
    assertThat(number(cell(byPlace, "LCH-01"), "estimate")).isCloseTo(5.0 / 7, within(1e-12));
    assertThat(((List<Map<String, Object>>) cell(byPlace, "LCH-01").get("domain")).get(0))
        .containsEntry("label", "Barrio Balboa");

    // Robbery, a choice of the select-multiple: answered weights 130 (two left it blank), robbed
    // 50.
    var robo = estimates(code, wave, "item=delitos&value=robo", analyst);
    assertThat(number(cell(robo), "estimate")).isCloseTo(50.0 / 130, within(1e-12));
    assertThat(number(cell(robo), "n")).isEqualTo(6);

    // Trust in the police 1–5 (88 missing): Σwy = 500 over Σw = 140.
    var trust = estimates(code, wave, "item=confianza&kind=MEAN", analyst);
    assertThat(number(cell(trust), "estimate")).isCloseTo(500.0 / 140, within(1e-12));
  }

  private static double number(Map<String, Object> cell, String field) {
    return ((Number) cell.get(field)).doubleValue();
  }

  /** The file without one column (a Kobo export with select-multiple as "details" only). */
  private static String withoutColumn(String csv, String column) {
    List<String> lines = Arrays.asList(csv.split("\n"));
    int at = Arrays.asList(lines.get(0).split(";", -1)).indexOf(column);
    return lines.stream()
            .map(
                l -> {
                  List<String> cells = new java.util.ArrayList<>(Arrays.asList(l.split(";", -1)));
                  cells.remove(at);
                  return String.join(";", cells);
                })
            .collect(Collectors.joining("\n"))
        + "\n";
  }
}
