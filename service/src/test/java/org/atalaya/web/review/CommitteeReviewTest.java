package org.atalaya.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comments per indicator and period (anyone signed in, shown as text), approval of a period's
 * figures by the committee alone, and the mark when figures change after their approval.
 */
@MicronautTest(environments = "test")
class CommitteeReviewTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String code;

  @BeforeEach
  void indicatorWithFigures() {
    api = new Api(client);
    analyst = api.analystToken();
    api.committeeToken();
    code = "VD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    measure("7");
  }

  private void measure(String value) {
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/measurements",
                    List.of(Map.of("indicator", code, "period", "2025-03", "value", value)))
                .bearerAuth(analyst),
            Map.class);
    assertThat(reply.status()).isEqualTo(200);
  }

  private static FormClient as(EmbeddedServer server, String user) {
    return FormClient.signedIn(server.getURI(), user, Api.STAFF_PASSWORD);
  }

  @Test
  void theDemoHasACommitteeMemberWhoMayValidateWhereTheAdministratorMayNot() {
    String readOnly = "solo quien valida según la configuración del observatorio puede validarlo";
    var admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
    assertThat(admin.get("/revision").body()).contains(readOnly);

    var member = FormClient.signedIn(server.getURI(), "comite", "test-committee-password-1");
    var inbox = member.get("/revision");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("Sesión de comite").doesNotContain(readOnly);
  }

  @Test
  void aCommentWithAScriptIsStoredAndShownAsText() {
    FormClient browser = as(server, "test-analyst");
    String page = browser.get("/revision/" + code).body();

    var posted =
        browser.post(
            "/revision/" + code + "/comentarios",
            Map.of(
                "_csrf", FormClient.csrf(page),
                "period", "2025-03",
                "comment", "<script>alert('x')</script> ¿cifra baja?"));

    assertThat(posted.statusCode()).isEqualTo(303);
    String shown = browser.get("/revision/" + code + "?periodo=2025-03").body();
    assertThat(shown)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ¿cifra baja?")
        .doesNotContain("<script>alert")
        .contains("test-analyst")
        // The period in words in the heading and the table; its code only in addresses.
        .contains("<h2 id=\"periodo-titulo\">Periodo mar. 2025</h2>")
        .contains(">mar. 2025</a>");
  }

  @Test
  void anAnalystCannotApproveButTheCommitteeCan() {
    FormClient analystBrowser = as(server, "test-analyst");
    String analystPage = analystBrowser.get("/revision/" + code).body();
    assertThat(analystPage).doesNotContain("id=\"aprobar\"");

    var refused =
        analystBrowser.post(
            "/revision/" + code + "/aprobacion",
            Map.of("_csrf", FormClient.csrf(analystPage), "period", "2025-03"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(analystBrowser.get("/revision/" + code).body()).contains("Sin aprobar");

    FormClient committee = as(server, "test-committee");
    String page = committee.get("/revision/" + code).body();
    assertThat(page).contains("id=\"aprobar\"");
    var approved =
        committee.post(
            "/revision/" + code + "/aprobacion",
            Map.of("_csrf", FormClient.csrf(page), "period", "2025-03"));

    assertThat(approved.statusCode()).isEqualTo(303);
    assertThat(committee.get("/revision/" + code).body())
        .contains("Aprobado por test-committee el")
        .doesNotContain("cifras revisadas después");
  }

  @Test
  void aRevisionAfterTheApprovalIsMarkedAndAnEmptyPeriodCannotBeApproved() throws Exception {
    FormClient committee = as(server, "test-committee");
    String page = committee.get("/revision/" + code).body();
    committee.post(
        "/revision/" + code + "/aprobacion",
        Map.of("_csrf", FormClient.csrf(page), "period", "2025-03"));
    Thread.sleep(20);
    measure("9");

    assertThat(committee.get("/revision/" + code).body())
        .contains("(cifras revisadas después de la aprobación)");
    var empty =
        committee.post(
            "/revision/" + code + "/aprobacion",
            Map.of("_csrf", FormClient.csrf(page), "period", "2024-11"));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("El periodo nov. 2024 no tiene cifras que aprobar.");
  }

  @Test
  void theReviewIsForSignedInPeopleOnly() {
    var anonymous = new FormClient(server.getURI()).get("/revision/" + code);

    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("location").orElseThrow()).startsWith("/entrar");
  }
}
