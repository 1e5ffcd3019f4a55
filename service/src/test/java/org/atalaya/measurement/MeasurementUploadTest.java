package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;

/** Measurements go in by file or batch, come back as series, and nothing is silently lost. */
@MicronautTest(environments = "test")
class MeasurementUploadTest extends MeasurementFixture {
  @Test
  void aCsvIsStoredAndUploadingItAgainChangesNothing() {
    String csv =
        "indicador,periodo,sexo,territorio,valor\n"
            + reports
            + ",2025-01,F,LCH-01,12\n"
            + reports
            + ",2025-01,M,LCH-01,3\n"
            + reports
            + ",2025-02,F,LCH-01,9\n";

    var first = upload(csv, "");
    var second = upload(csv, "");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.value())
        .containsEntry("committed", true)
        .containsEntry("rows", 3)
        .containsEntry("inserted", 3);
    assertThat(second.value())
        .containsEntry("inserted", 0)
        .containsEntry("revised", 0)
        .containsEntry("unchanged", 3);
    List<Map> history =
        api.call(
                HttpRequest.GET(
                        "/api/indicators/"
                            + reports
                            + "/history?period=2025-01&sex=F&territory=LCH-01")
                    .bearerAuth(analyst),
                List.class)
            .value();
    assertThat(history).singleElement().satisfies(v -> assertThat(v).containsEntry("revision", 1));
    assertThat(series(reports, "sex=F&territory=LCH-01"))
        .extracting(p -> p.get("period") + "=" + p.get("value"))
        .containsExactly("2025-01=12", "2025-02=9");
  }

  @Test
  void aChangedValueIsARevisionAndTheOldOneStaysInHistory() {
    upload("indicador,periodo,sexo,territorio,valor\n" + reports + ",2025-03,F,LCH-02,20\n", "");

    var revised =
        upload(
            "indicador,periodo,sexo,territorio,valor\n" + reports + ",2025-03,F,LCH-02,22\n",
            "reason=Denuncias%20tard%C3%ADas");
    List<Map> history =
        api.call(
                HttpRequest.GET(
                        "/api/indicators/"
                            + reports
                            + "/history?period=2025-03&sex=F&territory=LCH-02")
                    .bearerAuth(analyst),
                List.class)
            .value();

    assertThat(revised.value()).containsEntry("revised", 1).containsEntry("inserted", 0);
    assertThat(history).hasSize(2);
    assertThat(history.get(0))
        .containsEntry("revision", 2)
        .containsEntry("value", 22)
        .containsEntry("recordedBy", "test-analyst")
        .containsEntry("reason", "Denuncias tardías");
    assertThat(history.get(1)).containsEntry("revision", 1).containsEntry("value", 20);
    assertThat(history.get(1).get("recordedAt")).isNotNull();
  }

  @Test
  void aBadRowAtTheEndRejectsTheWholeFileAndStoresNothing() {
    var csv = new StringBuilder("indicador,periodo,sexo,territorio,valor\n");
    for (int month = 1; month <= 12; month++) {
      for (String place : List.of("LCH-03", "LCH-04", "LCH-05")) {
        csv.append(reports)
            .append(",2024-")
            .append(String.format("%02d", month))
            .append(",F,")
            .append(place)
            .append(",5\n");
      }
    }
    csv.append(reports).append(",2024-12,F,LCH-06,cinco\n");

    var reply = upload(csv.toString(), "");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.value())
        .containsEntry("committed", false)
        .containsEntry("rows", 37)
        .containsEntry("rejected", 1)
        .containsEntry("accepted", 0);
    assertThat((List<Map>) reply.value().get("errors"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("row", 38).containsEntry("column", "valor");
              assertThat(e).containsEntry("value", "cinco").containsEntry("rule", "notNumber");
              assertThat(e.get("message")).isEqualTo("no es un número");
            });
    assertThat(series(reports, "sex=F&territory=LCH-03")).isEmpty();
  }

  @Test
  void keepValidStoresTheGoodRowsAndCountsTheBadOnes() {
    String csv =
        "indicador,periodo,sexo,territorio,valor\n"
            + reports
            + ",2025-04,F,LCH-07,4\n"
            + reports
            + ",2025-04,X,LCH-07,4\n";

    var reply = upload(csv, "keepValid=true");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("inserted", 1).containsEntry("rejected", 1);
    assertThat(series(reports, "sex=F&territory=LCH-07")).hasSize(1);
  }

  @Test
  void aDryRunOfAFileWithABadRowStillPreviewsTheGoodOnes() {
    var reply =
        upload(
            "indicador,periodo,sexo,territorio,valor,notas\n"
                + reports
                + ",2025-05,F,LCH-18,7,x\n"
                + reports
                + ",2025-05,Q,LCH-18,7,y\n",
            "dryRun=true");

    assertThat(reply.value())
        .containsEntry("committed", false)
        .containsEntry("rejected", 1)
        .containsEntry("inserted", 1);
    assertThat((List<Map>) reply.value().get("warnings"))
        .extracting(w -> w.get("rule") + ":" + w.get("column"))
        .containsExactly("unknownColumn:notas");
    assertThat(series(reports, "sex=F&territory=LCH-18")).isEmpty();
  }

  @Test
  void aDryRunReportsWhatWouldHappenAndStoresNothing() {
    var reply =
        upload(
            "indicador,periodo,sexo,territorio,valor\n" + reports + ",2025-05,M,LCH-08,7\n",
            "dryRun=true");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value())
        .containsEntry("dryRun", true)
        .containsEntry("committed", false)
        .containsEntry("inserted", 1);
    assertThat(series(reports, "sex=M&territory=LCH-08")).isEmpty();
  }

  @Test
  void aJsonBatchIsStoredLikeAFile() {
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/measurements",
                    List.of(
                        Map.of(
                            "indicator",
                            reports,
                            "period",
                            "2025-09",
                            "sex",
                            "F",
                            "territory",
                            "LCH-16",
                            "value",
                            7),
                        Map.of(
                            "indicator",
                            reports,
                            "period",
                            "2025-09",
                            "sex",
                            "M",
                            "territory",
                            "LCH-16",
                            "value",
                            1)))
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("inserted", 2).containsEntry("committed", true);
    assertThat(series(reports, "sex=_T&territory=LCH-16"))
        .singleElement()
        .satisfies(p -> assertThat(p).containsEntry("value", 8).containsEntry("basis", "sexParts"));
  }

  @Test
  void editingAnIndicatorWithoutItsSourcesKeepsItsMeasurements() {
    upload("indicador,periodo,sexo,territorio,valor\n" + reports + ",2025-10,F,LCH-17,5\n", "");
    Map<String, Object> edited = IndicatorFixtures.domesticViolenceReports(reports);
    edited.put("name", "Denuncias de violencia doméstica (renombrado)");
    Map<String, Object> reshaped = IndicatorFixtures.domesticViolenceReports(reports);
    reshaped.put("frequency", "ANNUAL");

    // The demo plan is published: the edit is proposed, and in force once approved.
    var refused =
        api.call(
            HttpRequest.PUT("/api/indicators/" + reports, reshaped).bearerAuth(analyst), Map.class);
    var ok = api.inForce(HttpRequest.PUT("/api/indicators/" + reports, edited).bearerAuth(analyst));
    var refusedAfter =
        api.call(
            HttpRequest.PUT("/api/indicators/" + reports, reshaped).bearerAuth(analyst), Map.class);

    assertThat(ok.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refusedAfter.status()).isEqualTo(422);
    assertThat(series(reports, "sex=F&territory=LCH-17")).hasSize(1);
  }

  @Test
  void aJsonBatchGoesThroughTheSameChecks() {
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/measurements",
                    List.of(
                        Map.of(
                            "indicator",
                            reports,
                            "period",
                            "2025-07",
                            "sex",
                            "F",
                            "territory",
                            "LCH-11",
                            "value",
                            2),
                        Map.of(
                            "indicator",
                            reports,
                            "period",
                            "2025-07-15",
                            "sex",
                            "F",
                            "territory",
                            "LCH-11",
                            "value",
                            2)))
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat((List<Map>) reply.value().get("errors"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("row", 2)
                    .containsEntry("column", "period")
                    .containsEntry("rule", "periodFormat"));
  }

  @Test
  void anonymousUploadsAreRefused() {
    var reply =
        api.call(
            HttpRequest.POST("/api/measurements/upload", "indicador,periodo,valor\n")
                .contentType("text/csv"),
            Map.class);

    assertThat(reply.status()).isEqualTo(401);
  }
}
