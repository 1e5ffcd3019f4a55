package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publishing freezes a report: its files keep their bytes and hash whatever the data do later; a
 * correction is a new version that says why, and the first stays available to anyone.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ReportPublishingTest extends ReportFixture {

  @Test
  @SuppressWarnings("unchecked")
  void aPublishedReportNeverChangesAndANewVersionRecordsItsReason() throws Exception {
    expect(201, post("/api/reports", Map.of("plan", plan, "period", "2025"), analyst));
    String v1 = plan + "/2025/1";
    assertThat(download(v1 + "/datos.csv", null).status())
        .as("a draft is not public")
        .isEqualTo(404);
    assertThat(api.get("/api/reports/" + v1, Map.class).status()).isEqualTo(404);
    assertThat(post("/api/reports/" + v1 + "/publish", Map.of(), analyst).status())
        .as("analysts prepare, the committee publishes")
        .isEqualTo(403);

    Map<String, Object> published =
        expect(200, post("/api/reports/" + v1 + "/publish", Map.of(), committee)).value();
    var twice = post("/api/reports/" + v1 + "/publish", Map.of(), admin);
    byte[] csv = expect(200, download(v1 + "/datos.csv", null)).value();
    byte[] pdf = expect(200, download(v1 + "/informe-es.pdf", null)).value();

    assertThat(published).containsEntry("status", "PUBLISHED");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.error().detail()).contains("ya está publicada");
    // A cumulative indicator's figures are running totals, on the site and in the open data: 21 +
    // 22.
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .contains(indicator + ",Calles iluminadas,OBS,LCH,La Chorrera,_T,2025-Q2,43,");
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    List<Map<String, Object>> files = (List<Map<String, Object>>) published.get("files");
    assertThat(files)
        .extracting(f -> f.get("name"))
        .contains("informe-es.pdf", "informe-en.html", "folleto-es-PREV.pdf", "datos.json");
    assertThat(files)
        .filteredOn(f -> f.get("name").equals("datos.csv"))
        .extracting(f -> f.get("sha256"))
        .containsExactly(sha256(csv));
    List<Map> list = api.get("/api/reports", List.class).value();
    assertThat(list).anySatisfy(r -> assertThat(r.get("plan")).isEqualTo(plan));

    measure("2025-T2", 99, "corrección del conteo");

    assertThat(download(v1 + "/datos.csv", null).value()).isEqualTo(csv);
    assertThat(download(v1 + "/informe-es.pdf", null).value()).isEqualTo(pdf);
    assertThat(api.get("/api/reports/" + v1, Map.class).value())
        .containsEntry("contentHash", published.get("contentHash"));

    var noReason = post("/api/reports/" + plan + "/2025/versions", Map.of(), analyst);
    Map<String, Object> draft2 =
        expect(
                201,
                post(
                    "/api/reports/" + plan + "/2025/versions",
                    Map.of("reason", "Corrección del conteo del segundo trimestre"),
                    analyst))
            .value();
    var v2Unvalidated = post("/api/reports/" + plan + "/2025/2/publish", Map.of(), admin);
    validate("2025-T2");
    Map<String, Object> v2 =
        expect(200, post("/api/reports/" + plan + "/2025/2/publish", Map.of(), admin)).value();
    byte[] csv2 = expect(200, download(plan + "/2025/2/datos.csv", null)).value();

    assertThat(noReason.status()).isEqualTo(422);
    assertThat(v2Unvalidated.status()).as("the correction is provisional").isEqualTo(409);
    assertThat(draft2).containsEntry("version", 2).containsEntry("status", "DRAFT");
    assertThat(v2)
        .containsEntry("reason", "Corrección del conteo del segundo trimestre")
        .doesNotContainEntry("contentHash", published.get("contentHash"));
    assertThat(new String(csv2, StandardCharsets.UTF_8))
        .contains(",2025-Q2,120,"); // 21 + 99, running total
    assertThat(download(v1 + "/datos.csv", null).value())
        .as("the old version stays")
        .isEqualTo(csv);
    String pdf2 =
        ReportDemoTest.text(expect(200, download(plan + "/2025/2/informe-es.pdf", null)).value());
    assertThat(pdf2).contains("Versión 2", "Corrección del conteo del segundo trimestre");
  }

  @Test
  void badInputIsRefusedClearlyAndChangesNothing() {
    var unknownPlan = post("/api/reports", Map.of("plan", "NO-EXISTE", "period", "2025"), analyst);
    var badPeriod = post("/api/reports", Map.of("plan", plan, "period", "2025-13"), analyst);
    var outside = post("/api/reports", Map.of("plan", plan, "period", "2031"), analyst);
    var anonymous = post("/api/reports", Map.of("plan", plan, "period", "2025"), null);
    expect(201, post("/api/reports", Map.of("plan", plan, "period", "2026-T1"), analyst));
    var again = post("/api/reports", Map.of("plan", plan, "period", "2026-T1"), analyst);
    var traversal = download(plan + "/2026-T1/1/..%2F..%2F..%2Fpom.xml", analyst);
    var dotted = download(plan + "/2026-T1/1/..", analyst);
    var unknownFile = download(plan + "/2026-T1/1/informe-fr.pdf", analyst);
    var noVersion = download(plan + "/2026-T1/7/datos.csv", analyst);

    assertThat(unknownPlan.status()).isEqualTo(404);
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.error().detail()).contains("2025-13");
    assertThat(outside.status()).isEqualTo(404);
    assertThat(outside.error().detail()).contains("fuera de la vigencia");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(again.status()).isEqualTo(409);
    assertThat(traversal.status()).isEqualTo(400);
    assertThat(dotted.status()).isBetween(400, 404);
    assertThat(unknownFile.status()).isEqualTo(404);
    assertThat(noVersion.status()).isEqualTo(404);
    // A period without figures gives a report that says so, not an empty one.
    String empty =
        new String(
            expect(200, download(plan + "/2026-T1/1/informe-es.html", analyst)).value(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(empty).contains("No hay datos registrados para");
    List<Map> listed = api.get("/api/reports", List.class).value();
    assertThat(listed).noneSatisfy(r -> assertThat(r.get("plan")).isEqualTo(plan));
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
