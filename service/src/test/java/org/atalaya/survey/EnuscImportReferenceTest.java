package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The ENUSC 2023 microdata go in through the real upload, and the estimates API gives back what R's
 * survey package computed for INE Chile's design (shared/data/surveys/enusc-2023-reference.csv).
 */
@MicronautTest(environments = "test")
class EnuscImportReferenceTest extends SurveyFixture {

  /**
   * INE's file as a survey: person and household weights, strata, clusters, sex coded 1/2. Each
   * question names its weight, as INE documents them: household questions (VH_*) the household
   * regional weight, the others the person regional weight.
   */
  static Map<String, Object> enusc(String code) {
    List<Object> regions = new ArrayList<>();
    for (int r = 1; r <= 16; r++) {
      regions.add(r);
      regions.add("Región " + r);
    }
    return Map.of(
        "code",
        code,
        "name",
        "Encuesta Nacional Urbana de Seguridad Ciudadana 2023",
        "universe",
        "Personas de 15 años o más en zonas urbanas",
        "design",
        Map.of(
            "weights", List.of("Fact_Pers_Reg", "Fact_Pers_Com", "Fact_Hog_Reg", "Fact_Hog_Com"),
            "strata", "VarStrat",
            "psu", "Conglomerado",
            "sex", Map.of("variable", "rph_sexo", "codes", Map.of("1", "M", "2", "F")),
            "ageGroup", Map.of("variable", "rph_edad")),
        "items",
        List.of(
            weighted(PERSON, item("VP_DC", "Persona víctima de algún delito", "BINARY")),
            weighted(PERSON, item("VP_DV", "Persona víctima de delito violento", "BINARY")),
            weighted(HOUSEHOLD, item("VH_DC", "Hogar víctima de algún delito", "BINARY")),
            weighted(HOUSEHOLD, item("VH_DV", "Hogar víctima de delito violento", "BINARY")),
            weighted(
                PERSON, item("PAD", "Percibe que la delincuencia aumentó en el país", "BINARY")),
            weighted(PERSON, item("region", "Región", "CATEGORICAL", regions.toArray()))));
  }

  static final String PERSON = "Fact_Pers_Reg";
  static final String HOUSEHOLD = "Fact_Hog_Reg";

  private static Map<String, Object> weighted(String weight, Map<String, Object> item) {
    item.put("weight", weight);
    return item;
  }

  @Test
  void theReferenceEstimatesAreReproducedFromTheUploadedMicrodata() throws Exception {
    String code = "ENUSC-" + suffix;
    created(post("/api/surveys", enusc(code)));
    wave(code, "2023", "2023-09-01", "2023-12-31");
    // The file calls the region enc_region; the mapping is saved once and named at upload.
    created(
        put(
            "/api/surveys/" + code + "/mappings/ine",
            Map.of("name", "ine", "format", "PLAIN", "columns", Map.of("region", "enc_region"))));
    byte[] file = Files.readAllBytes(sharedSurveys().resolve("enusc-2023.csv"));

    var upload = upload(code, "2023", file, "enusc-2023.csv", "&mapping=ine");

    assertThat(upload.status()).as("%s", upload.body()).isEqualTo(200);
    assertThat(upload.value()).containsEntry("committed", true).containsEntry("accepted", 49813);
    int checked = 0;
    try (Reader in =
        Files.newBufferedReader(
            sharedSurveys().resolve("enusc-2023-reference.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord ref : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
        String by =
            switch (ref.get("by")) {
              case "" -> "";
              case "rph_sexo" -> "sex";
              case "enc_region" -> "region";
              default -> throw new AssertionError("unexpected domain " + ref.get("by"));
            };
        String domain =
            by.equals("sex") ? (ref.get("domain").equals("1") ? "M" : "F") : ref.get("domain");
        var table =
            estimates(
                code,
                "2023",
                "item=" + ref.get("variable") + "&weight=" + ref.get("weight") + "&by=" + by,
                analyst);
        var cell = by.isEmpty() ? cell(table) : cell(table, domain);
        String what = ref.get("variable") + " " + by + "=" + domain;
        assertRelative(what + " estimate", cell.get("estimate"), ref.get("estimate"), 1e-9);
        assertRelative(what + " se", cell.get("se"), ref.get("se"), 1e-9);
        assertRelative(what + " ci_lower", cell.get("ciLower"), ref.get("ci_lower"), 1e-8);
        assertRelative(what + " ci_upper", cell.get("ciUpper"), ref.get("ci_upper"), 1e-8);
        assertRelative(what + " deff", cell.get("deff"), ref.get("deff"), 1e-8);
        assertRelative(what + " cv", cell.get("cv"), ref.get("cv"), 1e-8);
        assertThat(((Number) cell.get("n")).longValue())
            .as(what + " n")
            .isEqualTo(Long.parseLong(ref.get("n")));
        assertThat(((Number) cell.get("df")).intValue())
            .as(what + " df")
            .isEqualTo(Integer.parseInt(ref.get("df")));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(23);
    // Every respondent falls in exactly one age bracket and one sex × region cell.
    var ages = estimates(code, "2023", "item=VP_DC&by=ageGroup", analyst);
    var crossed = estimates(code, "2023", "item=VP_DC&by=sex,region", analyst);
    assertThat(cells(ages)).hasSize(1 + 7);
    assertThat(cells(crossed)).hasSize(1 + 2 * 16);
    assertThat(
            cells(crossed).stream().skip(1).mapToLong(c -> ((Number) c.get("n")).longValue()).sum())
        .isEqualTo(49813);
    assertThat(cell(crossed, "F", "13").get("domain").toString()).contains("Mujeres", "Región 13");
  }

  private static void assertRelative(
      String what, Object actual, String expected, double tolerance) {
    double e = Double.parseDouble(expected);
    assertThat(actual).as(what).isNotNull();
    double a = ((Number) actual).doubleValue();
    assertThat(a).as(what).isCloseTo(e, within(Math.abs(e) * tolerance));
  }
}
