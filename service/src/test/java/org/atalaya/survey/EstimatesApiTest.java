package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

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
  void theTableDownloadsAsCsvWithTheMarkInsteadOfFigures() {
    validate(code, "2025");
    created(post("/api/surveys/" + code + "/waves/2025/publish", Map.of()));

    var reply =
        api.call(HttpRequest.GET(base() + "?item=inseguro&by=territory&format=csv"), String.class);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/csv");
    List<String> lines = reply.value().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "territory,territory_label,item,value,kind,estimate,se,ci_lower,ci_upper,deff,cv,n,df,reliability,no_interval,suppressed");
    assertThat(lines.get(1)).startsWith("_T,Total,inseguro,1,PROPORTION,0.");
    String amador = lines.stream().filter(l -> l.startsWith("LCH-03")).findFirst().orElseThrow();
    assertThat(amador)
        .contains("no publicable")
        .contains(",8,")
        .endsWith(",true")
        .doesNotContain(",0.0,");
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
