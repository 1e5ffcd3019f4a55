package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What readers of the estimates see: the public only published waves, with cells below the
 * publication threshold withheld and marked (never zero); labels in their language; reasons instead
 * of NaN; the same table as CSV.
 */
@MicronautTest(environments = "test")
class EstimatesApiTest extends SurveyFixture {
  String code;

  @BeforeEach
  void survey() {
    code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2025", "2025-06-01", "2025-06-30");
    var reply =
        upload(
            code,
            "2025",
            SyntheticWave.csv(7, 0.4).getBytes(StandardCharsets.UTF_8),
            "percepcion.csv",
            "");
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
  }

  @Test
  void thePublicSeesOnlyPublishedWavesAndNeverASmallCellsFigure() {
    var before = api.call(HttpRequest.GET(base() + "?item=inseguro"), Map.class);
    assertThat(before.status()).isEqualTo(404);

    validate(code, "2025");
    created(post("/api/surveys/" + code + "/waves/2025/publish", Map.of()));
    var open = estimates(code, "2025", "item=inseguro&by=territory", null);
    var staff = estimates(code, "2025", "item=inseguro&by=territory", analyst);

    assertThat(cell(open, "LCH-01")).containsEntry("suppressed", false);
    assertThat(cell(open, "LCH-01").get("estimate")).isNotNull();
    var amador = cell(open, "LCH-03");
    assertThat(amador)
        .containsEntry("suppressed", true)
        .containsEntry("estimate", null)
        .containsEntry("se", null)
        .containsEntry("ciLower", null)
        .containsEntry("reliability", "NOT_RELIABLE")
        .containsEntry("n", 8);
    assertThat(amador.get("mark").toString()).contains("no publicable");
    assertThat(cell(staff, "LCH-03").get("estimate")).as("staff see it, flagged").isNotNull();
    assertThat(cell(staff, "LCH-03")).containsEntry("suppressed", true);
  }

  @Test
  void aDomainInOnePsuSaysWhyItHasNoIntervalInsteadOfNaN() {
    var raw =
        api.call(
            HttpRequest.GET(base() + "?item=inseguro&by=territory").bearerAuth(analyst),
            String.class);
    String body = raw.value();
    var table = estimates(code, "2025", "item=inseguro&by=territory", analyst);

    assertThat(body).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(cell(table, "LCH-03"))
        .containsEntry("noInterval", "ONE_PSU")
        .containsEntry("ciLower", null)
        .containsEntry("ciUpper", null);
    assertThat(cell(table, "LCH-03").get("reason").toString()).contains("una sola UPM");
  }

  @Test
  void anEmptyDomainIsNamedNotZero() {
    wave(code, "piloto", "2025-01-01", "2025-01-31");
    upload(
        code, "piloto", MicrodataBadInputTest.GOOD.getBytes(StandardCharsets.UTF_8), "p.csv", "");

    // Nobody in the pilot said they trust the police "none" (1).
    var table = estimates(code, "piloto", "item=inseguro&filter=confianza:1", analyst);

    assertThat(cell(table))
        .containsEntry("noInterval", "EMPTY_DOMAIN")
        .containsEntry("estimate", null)
        .containsEntry("se", null)
        .containsEntry("n", 0);
    assertThat(cell(table).get("reason").toString()).contains("ninguna persona");
    assertThat(table).containsEntry("filter", "confianza:1");
  }

  @Test
  void labelsAndReasonsFollowTheCallersLanguage() {
    var english =
        api.call(
                HttpRequest.GET(base() + "?item=inseguro&by=sex,territory")
                    .header("Accept-Language", "en")
                    .bearerAuth(analyst),
                Map.class)
            .value();

    assertThat(english).containsEntry("itemLabel", "Feels unsafe in their neighbourhood at night");
    assertThat(english.get("valueLabel")).isEqualTo("Sí");
    assertThat(domain(cell(english, "F", "LCH-01"))).containsExactly("Women", "Barrio Balboa");
    assertThat(cell(english, "M", "LCH-03").get("reason").toString()).contains("single PSU");
    var spanish = estimates(code, "2025", "item=inseguro&by=sex", analyst);
    assertThat(domain(cell(spanish, "M"))).containsExactly("Hombres");
  }

  @Test
  void theCsvLeavesAWithheldCellsNumbersEmptyAndSaysWhyInItsFlag() throws Exception {
    validate(code, "2025");
    created(post("/api/surveys/" + code + "/waves/2025/publish", Map.of()));

    var reply =
        api.call(HttpRequest.GET(base() + "?item=inseguro&by=territory&format=csv"), String.class);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/csv");
    var rows =
        org.apache.commons.csv.CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new java.io.StringReader(reply.value()))
            .getRecords();
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactly(
            "territory",
            "territory_label",
            "item",
            "value",
            "kind",
            "estimate",
            "se",
            "ci_lower",
            "ci_upper",
            "deff",
            "cv",
            "n",
            "df",
            "reliability",
            "no_interval",
            "suppressed",
            "flag",
            "weight");
    var total = rows.get(0);
    assertThat(total.get("territory")).isEqualTo("_T");
    assertThat(Double.parseDouble(total.get("estimate"))).isBetween(0.0, 1.0);
    assertThat(total.get("flag")).isEmpty();
    assertThat(total.get("weight")).isEqualTo("peso");
    var amador =
        rows.stream().filter(r -> r.get("territory").equals("LCH-03")).findFirst().orElseThrow();
    for (String number : List.of("estimate", "se", "ci_lower", "ci_upper", "deff", "cv")) {
      assertThat(amador.get(number)).as(number).isEmpty();
    }
    assertThat(amador.get("n")).isEqualTo("8");
    assertThat(amador.get("suppressed")).isEqualTo("true");
    assertThat(amador.get("flag")).contains("no publicable").contains("una sola UPM");
  }

  @Test
  void filtersOnSexTerritoryAndItemsCombine() {
    var all = estimates(code, "2025", "item=inseguro&by=sex,territory", analyst);
    var women = estimates(code, "2025", "item=inseguro&filter=sex:F", analyst);
    var womenOfBalboa =
        estimates(code, "2025", "item=inseguro&filter=sex:F&filter=territory:LCH-01", analyst);
    var joined = estimates(code, "2025", "item=inseguro&filter=sex:F,territory:LCH-01", analyst);

    var bySex = estimates(code, "2025", "item=inseguro&by=sex", analyst);
    assertThat((double) cell(women).get("estimate"))
        .isCloseTo((double) cell(bySex, "F").get("estimate"), within(1e-12));
    assertThat(cell(women).get("n")).isEqualTo(cell(bySex, "F").get("n"));
    assertThat((double) cell(womenOfBalboa).get("estimate"))
        .isCloseTo((double) cell(all, "F", "LCH-01").get("estimate"), within(1e-12));
    assertThat(cell(womenOfBalboa).get("n")).isEqualTo(cell(all, "F", "LCH-01").get("n"));
    assertThat(womenOfBalboa).containsEntry("filter", "sex:F,territory:LCH-01");
    assertThat(joined.get("cells")).isEqualTo(womenOfBalboa.get("cells"));
    var trusting =
        estimates(code, "2025", "item=inseguro&filter=confianza:5&filter=sex:M", analyst);
    assertThat(((Number) cell(trusting).get("n")).intValue())
        .isLessThan(
            ((Number) cell(all, "M", "LCH-01").get("n")).intValue()
                + ((Number) cell(all, "M", "LCH-02").get("n")).intValue());
  }

  @Test
  void aFilterThatCannotWorkIsRefusedNamingTheParameter() {
    for (String filter :
        List.of("sexo:F", "sex:X", "territory:NO-EXISTE", "edad:30", "sex", "sex:F,sex:M")) {
      var reply =
          api.call(
              HttpRequest.GET(base() + "?item=inseguro&filter=" + filter).bearerAuth(analyst),
              Map.class);
      assertThat(reply.status()).as(filter).isEqualTo(422);
      assertThat(reply.error().errors())
          .as(filter)
          .extracting(v -> v.field())
          .containsExactly("filter");
    }
    var unknown =
        api.call(
            HttpRequest.GET(base() + "?item=inseguro&filter=sexo:F").bearerAuth(analyst),
            Map.class);
    assertThat(unknown.error().errors().get(0).message())
        .isEqualTo(
            "«sexo» no sirve como filtro: use sex (sexo), territory (territorio), ageGroup (grupo"
                + " de edad) o una pregunta con valores, en la forma variable:valor");
  }

  @Test
  void badRequestsNameTheParameter() {
    var unknown = api.call(HttpRequest.GET(base() + "?item=nada").bearerAuth(analyst), Map.class);
    var noValue =
        api.call(HttpRequest.GET(base() + "?item=confianza").bearerAuth(analyst), Map.class);
    var badDomain =
        api.call(HttpRequest.GET(base() + "?item=inseguro&by=edad").bearerAuth(analyst), Map.class);

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.error().errors()).extracting(v -> v.field()).containsExactly("item");
    assertThat(noValue.error().errors()).extracting(v -> v.field()).containsExactly("value");
    assertThat(badDomain.error().errors()).extracting(v -> v.field()).containsExactly("by");
  }

  private String base() {
    return "/api/surveys/" + code + "/waves/2025/estimates";
  }

  @SuppressWarnings("unchecked")
  private static List<Object> domain(Map<String, Object> cell) {
    return ((List<Map<String, Object>>) cell.get("domain"))
        .stream().map(d -> d.get("label")).toList();
  }
}
