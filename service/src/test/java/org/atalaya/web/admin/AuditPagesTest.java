package org.atalaya.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * The audit page: the committee and administrators read it, filtered by who, what, action and
 * dates, newest first; what people typed is shown as text; bad dates are named; the CSV link
 * carries the same filter.
 */
@MicronautTest(environments = "test")
class AuditPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theCommitteeFiltersTheTrailAndSeesTypedTextEscapedNewestFirst() {
    Api api = new Api(client);
    String analyst = api.analystToken();
    api.committeeToken();
    String code = "AUD-" + System.nanoTime();
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/institutions",
                    Map.of("code", code, "name", "Primera <b>versión</b>", "kind", "NATIONAL"))
                .bearerAuth(analyst),
            Map.class);
    var changed =
        api.call(
            HttpRequest.PUT(
                    "/api/institutions/" + code,
                    Map.of("code", code, "name", "Segunda <script>x</script>", "kind", "NATIONAL"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
    assertThat(changed.status()).isEqualTo(200);
    FormClient committee =
        FormClient.signedIn(server.getURI(), "test-committee", Api.STAFF_PASSWORD);

    var page =
        committee.get(
            "/admin/auditoria?actor=test-analyst&entity=institution&key="
                + code
                + "&from=2020-01-01&to=2100-12-31");

    assertThat(page.statusCode()).isEqualTo(200);
    String body = page.body();
    assertThat(body)
        .contains("Segunda &lt;script&gt;x&lt;/script&gt;")
        .contains("Primera &lt;b&gt;versión&lt;/b&gt;")
        .doesNotContain("<script>x")
        .contains("Modificación")
        .contains("Creación")
        .contains("<td><span>Institución</span>")
        .containsPattern(
            "nombre:</strong>\\s*<span class=\"old\">Primera &lt;b&gt;versión&lt;/b&gt;</span>"
                + "\\s*→\\s*<span class=\"new\">Segunda")
        .doesNotContain("{&quot;");
    assertThat(body.indexOf("Modificación", body.indexOf("id=\"cambios\"")))
        .as("newest first")
        .isLessThan(body.indexOf("Creación", body.indexOf("id=\"cambios\"")));
    assertThat(body)
        .contains(
            "href=\"/api/audit?actor=test-analyst&amp;entity=institution&amp;key="
                + code
                + "&amp;from=2020-01-01&amp;to=2100-12-31&amp;size=1000&amp;format=csv\"");
    var csv =
        committee.get(
            "/api/audit?actor=test-analyst&entity=institution&key=" + code + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains(code);
  }

  @Test
  void aBadDateIsNamedAndAnalystsAndTheAnonymousAreKeptOut() {
    Api api = new Api(client);
    api.analystToken();
    FormClient admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);

    var bad = admin.get("/admin/auditoria?from=ayer");
    var analyst =
        FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD)
            .get("/admin/auditoria");
    var anonymous = new FormClient(server.getURI()).get("/admin/auditoria");

    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("Desde:").contains("ayer");
    assertThat(analyst.statusCode()).isEqualTo(403);
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("location").orElseThrow()).startsWith("/entrar");
  }
}
