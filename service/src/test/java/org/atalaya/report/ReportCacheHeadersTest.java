package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A published report's files may be held by a CDN or a browser for a year (the address names a
 * version that never changes), with their SHA-256 as ETag; a draft's never are, even for staff.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ReportCacheHeadersTest extends ReportFixture {

  @Test
  void publishedFilesAreImmutableForAYearAndDraftsAreNeverKept() throws Exception {
    expect(201, post("/api/reports", Map.of("plan", plan, "period", "2025"), analyst));
    String v1 = plan + "/2025/1";
    var draft = expect(200, download(v1 + "/datos.csv", analyst));
    assertThat(draft.raw().header("Cache-Control")).isEqualTo("no-store");
    assertThat(draft.raw().header("ETag")).isNull();

    expect(200, post("/api/reports/" + v1 + "/publish", Map.of(), committee));
    var published = expect(200, download(v1 + "/informe-es.pdf", null));
    byte[] pdf = published.value();
    String etag =
        "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)) + "\"";

    assertThat(published.raw().header("Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(published.raw().header("ETag")).isEqualTo(etag);
    assertThat(published.contentType()).startsWith("application/pdf");

    var again =
        api.call(
            HttpRequest.GET("/api/reports/" + v1 + "/informe-es.pdf").header("If-None-Match", etag),
            byte[].class);
    assertThat(again.status()).as("revalidation by hash").isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.raw().header("ETag")).isEqualTo(etag);

    var other =
        api.call(
            HttpRequest.GET("/api/reports/" + v1 + "/informe-es.pdf")
                .header("If-None-Match", "\"0000\""),
            byte[].class);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.value()).isEqualTo(pdf);
  }
}
