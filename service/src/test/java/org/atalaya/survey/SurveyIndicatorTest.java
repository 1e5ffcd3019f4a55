package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A perception indicator bound to a survey item gets one measurement per published wave and cell,
 * with its interval kept beside it, and two waves compare with a significance test.
 */
@MicronautTest(environments = "test")
class SurveyIndicatorTest extends SurveyFixture {
  String code;
  String indicator;

  @BeforeEach
  void boundIndicator() {
    code = "PERC-" + suffix;
    indicator = "INSEG-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.perceivedInsecurity(indicator));
    created(
        put(
            "/api/surveys/" + code + "/indicators/" + indicator,
            Map.of(
                "indicator", indicator, "item", "inseguro", "kind", "PROPORTION", "value", "1")));
    load("2024", "2024-06-01", 11, 0.45);
    load("2025", "2025-06-01", 12, 0.30);
  }

  private void load(String wave, String start, long seed, double unsafe) {
    wave(code, wave, start, start.substring(0, 8) + "28");
    var reply =
        upload(
            code,
            wave,
            SyntheticWave.csv(seed, unsafe).getBytes(StandardCharsets.UTF_8),
            "w.csv",
            "");
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
  }

  @Test
  void publishingAWaveWritesOneMeasurementPerPublishableCellWithItsInterval() {
    validate(code, "2024");
    var published = post("/api/surveys/" + code + "/waves/2024/publish", Map.of());
    var total = cell(estimates(code, "2024", "item=inseguro", analyst));
    var women = cell(estimates(code, "2024", "item=inseguro&by=sex", analyst), "F");

    assertThat(published.status()).isEqualTo(200);
    // total, F, M, Balboa, Colón, and F/M × Balboa/Colón; Amador and its crossings are suppressed.
    assertThat(published.value()).containsEntry(indicator, 9);
    assertThat(point(series("sex=_T"), "2024"))
        .isCloseTo(100 * (double) total.get("estimate"), within(1e-6));
    assertThat(point(series("sex=F"), "2024"))
        .isCloseTo(100 * (double) women.get("estimate"), within(1e-6));
    assertThat(series("sex=_T&territory=LCH-03")).as("no zero for a suppressed cell").isEmpty();
    List<Map> cells =
        api.call(HttpRequest.GET("/api/surveys/indicator-cells/" + indicator), List.class).value();
    Map<String, Object> district =
        cells.stream()
            .filter(c -> c.get("sex").equals("_T") && c.get("territory").equals("_T"))
            .findFirst()
            .orElseThrow();
    assertThat((double) district.get("ciLower"))
        .isCloseTo(100 * (double) total.get("ciLower"), within(1e-9));
    assertThat((double) district.get("se")).isCloseTo(100 * (double) total.get("se"), within(1e-9));
    assertThat(district).containsEntry("n", 288).containsEntry("suppressed", false);
    Map<String, Object> amador =
        cells.stream()
            .filter(c -> c.get("territory").equals("LCH-03") && c.get("sex").equals("_T"))
            .findFirst()
            .orElseThrow();
    assertThat(amador).containsEntry("suppressed", true).doesNotContainKey("value");
  }

  @Test
  void twoWavesCompareWithATTestOfTheChange() {
    var earlier = cell(estimates(code, "2024", "item=inseguro", analyst));
    var later = cell(estimates(code, "2025", "item=inseguro", analyst));

    Map<String, Object> comparison =
        api.call(
                HttpRequest.GET(
                        "/api/surveys/" + code + "/differences?from=2024&to=2025&item=inseguro")
                    .bearerAuth(analyst),
                Map.class)
            .value();
    Map<String, Object> change = cells(comparison).get(0);

    double p1 = (double) earlier.get("estimate");
    double p2 = (double) later.get("estimate");
    double se = Math.hypot((double) earlier.get("se"), (double) later.get("se"));
    int df =
        Math.min(((Number) earlier.get("df")).intValue(), ((Number) later.get("df")).intValue());
    double t = (p2 - p1) / se;
    double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
    assertThat((double) change.get("difference")).isCloseTo(p2 - p1, within(1e-12));
    assertThat((double) change.get("se")).isCloseTo(se, within(1e-12));
    assertThat((double) change.get("pValue")).isCloseTo(p, within(1e-9));
    assertThat(change).containsEntry("significant", p < 0.05).containsEntry("df", df);
  }

  @Test
  void theChangeAmongWomenOfOneCorregimientoIsTheChangeOfTheirEstimates() {
    String among = "&filter=sex:F&filter=territory:LCH-01";
    var earlier = cell(estimates(code, "2024", "item=inseguro" + among, analyst));
    var later = cell(estimates(code, "2025", "item=inseguro" + among, analyst));
    var everyone = cells(differences("")).get(0);

    Map<String, Object> comparison = differences(among);
    Map<String, Object> change = cells(comparison).get(0);

    assertThat(comparison)
        .containsEntry("filter", "sex:F,territory:LCH-01")
        .containsEntry("weight", "peso");
    assertThat(comparison.get("weightNote").toString()).contains("único factor de expansión");
    assertThat((double) change.get("earlier"))
        .isCloseTo((double) earlier.get("estimate"), within(1e-12));
    assertThat((double) change.get("later"))
        .isCloseTo((double) later.get("estimate"), within(1e-12));
    assertThat(change.get("difference")).isNotEqualTo(everyone.get("difference"));
    var refused =
        api.call(
            HttpRequest.GET(
                    "/api/surveys/"
                        + code
                        + "/differences?from=2024&to=2025&item=inseguro&filter=genero:F")
                .bearerAuth(analyst),
            Map.class);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().errors()).extracting(v -> v.field()).containsExactly("filter");
  }

  private Map<String, Object> differences(String query) {
    return api.call(
            HttpRequest.GET(
                    "/api/surveys/" + code + "/differences?from=2024&to=2025&item=inseguro" + query)
                .bearerAuth(analyst),
            Map.class)
        .value();
  }

  @Test
  void anonymousCallersNeedBothWavesPublished() {
    var reply =
        api.call(
            HttpRequest.GET(
                "/api/surveys/" + code + "/differences?from=2024&to=2025&item=inseguro"),
            Map.class);

    assertThat(reply.status()).isEqualTo(404);
  }

  private List<Map> series(String query) {
    return (List<Map>)
        api.call(
                HttpRequest.GET("/api/indicators/" + indicator + "/series?" + query)
                    .bearerAuth(analyst),
                Map.class)
            .value()
            .get("points");
  }

  private static double point(List<Map> points, String period) {
    return points.stream()
        .filter(p -> p.get("period").equals(period))
        .map(p -> ((Number) p.get("value")).doubleValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no point " + period + " in " + points));
  }
}
