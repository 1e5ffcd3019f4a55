package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class IndicatorApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    analyst = api.analystToken();
  }

  @Test
  void theDemoPlanHasTheIssuesIndicatorsLinkedToItsCards() {
    List<Map> indicators =
        api.call(
                HttpRequest.GET("/api/indicators?plan=LCH-PISCC-2025").bearerAuth(analyst),
                List.class)
            .value();

    assertThat(indicators)
        .extracting(i -> i.get("code"))
        .contains(
            "HOM-TASA",
            "VD-DENUNCIAS",
            "SENSIBILIZADAS",
            "CALLES-ILUMINADAS",
            "PARQUES-REHAB",
            "PERCEPCION-INSEG");
    assertThat(indicators)
        .filteredOn(i -> i.get("code").equals("HOM-TASA"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i).containsEntry("kind", "RATE").containsEntry("rateBase", 100000);
              assertThat(((Map<?, ?>) i.get("actionCard")).get("code")).isEqualTo("CONT-01");
              assertThat((List<?>) i.get("sources")).hasSize(2);
            });
    assertThat(indicators)
        .filteredOn(i -> i.get("code").equals("SENSIBILIZADAS"))
        .singleElement()
        .satisfies(i -> assertThat(i).containsEntry("accumulation", "CUMULATIVE"));
  }

  @Test
  void aRateTargetForTheDistrictIsInheritedByEachCorregimientoButACountsIsNot() {
    var rate =
        api.call(
            HttpRequest.GET("/api/indicators/HOM-TASA/targets/applicable?sex=F&territory=LCH-05")
                .bearerAuth(analyst),
            Map.class);
    var count =
        api.call(
            HttpRequest.GET(
                    "/api/indicators/VD-DENUNCIAS/targets/applicable?sex=F&territory=LCH-05")
                .bearerAuth(analyst),
            Map.class);

    assertThat(rate.value()).containsEntry("inherited", true);
    assertThat(((Map<?, ?>) ((Map<?, ?>) rate.value().get("target")).get("target")).get("value"))
        .isEqualTo(7.8);
    assertThat(count.status()).isEqualTo(404);
  }

  @Test
  void targetsAreASeriesWithMilestonesAndAreReplacedWhole() {
    String code = "T-IND-" + Long.toString(System.nanoTime(), 36);
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.homicideRate(code));
    var targets =
        List.of(
            Map.of(
                "territory", "LCH",
                "baseline", Map.of("period", "2024-01-01", "value", 10),
                "milestones",
                    List.of(
                        Map.of("period", "2026-01-01", "value", 9),
                        Map.of("period", "2027-01-01", "value", 8.5)),
                "target", Map.of("period", "2028-01-01", "value", 8)),
            Map.of(
                "sex",
                "F",
                "territory",
                "LCH",
                "baseline",
                Map.of("period", "2024-01-01", "value", 3),
                "target",
                Map.of("period", "2028-01-01", "value", 2)));

    // The demo plan is published: the targets are proposed, and in force once approved.
    var saved =
        api.inForce(
            HttpRequest.PUT("/api/indicators/" + code + "/targets", targets).bearerAuth(analyst));
    assertThat(saved.status()).isEqualTo(200);
    List<?> inForce =
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/targets").bearerAuth(analyst),
                List.class)
            .value();
    assertThat(inForce).hasSize(2);
    assertThat((List<?>) ((Map<?, ?>) inForce.get(0)).get("milestones")).hasSize(2);
    var bad =
        api.call(
            HttpRequest.PUT(
                    "/api/indicators/" + code + "/targets",
                    List.of(
                        Map.of(
                            "territory",
                            "NOWHERE",
                            "baseline",
                            Map.of("period", "2024-01-01", "value", 1),
                            "target",
                            Map.of("period", "2023-01-01", "value", 0))))
                .bearerAuth(analyst),
            List.class);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(
            api.call(
                    HttpRequest.GET("/api/indicators/" + code + "/targets").bearerAuth(analyst),
                    List.class)
                .value())
        .hasSize(2);
  }

  @Test
  void aRateWithoutItsBaseAndTwoOfficialSourcesAreRefused() {
    Map<String, Object> indicator = IndicatorFixtures.homicideRate("T-BAD-" + System.nanoTime());
    indicator.remove("rateBase");
    indicator.put(
        "sources",
        List.of(
            Map.of("code", "A", "name", "A", "official", true),
            Map.of("code", "B", "name", "B", "official", true)));

    var reply =
        api.call(HttpRequest.POST("/api/indicators", indicator).bearerAuth(analyst), Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting("field")
        .containsExactlyInAnyOrder("rateBase", "sources");
  }

  @Test
  void unpublishedFiguresNeedASignedInUser() {
    assertThat(api.get("/api/indicators", List.class).status()).isEqualTo(401);
    assertThat(api.get("/api/indicators/HOM-TASA/series", Map.class).status()).isEqualTo(401);
  }
}
