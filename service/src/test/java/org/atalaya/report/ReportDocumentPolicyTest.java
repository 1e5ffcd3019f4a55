package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published HTML report opened in a browser: its inline styles and chart drawings apply (they
 * were blocked by the site's policy, leaving an unstyled page with black boxes for charts), while
 * it still may run no script, load nothing from elsewhere, nor be framed; the site keeps its
 * policy.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ReportDocumentPolicyTest extends ReportFixture {

  @Test
  void thePublishedHtmlReportMayStyleItselfAndNothingMore() {
    expect(201, post("/api/reports", Map.of("plan", plan, "period", "2025"), analyst));
    expect(200, post("/api/reports/" + plan + "/2025/1/publish", Map.of(), committee));

    var answer =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/api/reports/" + plan + "/2025/1/informe-es.html")
                    .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                byte[].class);
    String policy = answer.getHeaders().get("Content-Security-Policy");
    String html = new String(answer.body(), StandardCharsets.UTF_8);
    var pdf =
        client
            .toBlocking()
            .exchange(HttpRequest.GET("/api/reports/" + plan + "/2025/1/informe-es.pdf"));

    assertThat(html).contains("<style").contains("<svg").contains("style='");
    assertThat(policy)
        .contains("style-src 'unsafe-inline'")
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'")
        .contains("sandbox")
        .doesNotContain("script-src");
    assertThat(pdf.getHeaders().get("Content-Security-Policy")).doesNotContain("unsafe-inline");
  }
}
