package org.atalaya.web.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A draft plan in the browser, over real HTTP: "Vista previa pública" shows signed-in staff the
 * draft exactly as the public will read it (anonymous visitors get neither the draft nor its
 * preview); an administrator records the committee's approval and publishes it, an analyst cannot.
 */
@MicronautTest(environments = "test")
class DraftPlanPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @BeforeEach
  void staff() {
    new Api(client).analystToken();
  }

  @Test
  void staffPreviewADraftAsThePublicWillSeeItAndAnonymousVisitorsCannot() {
    FormClient analyst = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String plan = "PRV-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(analyst.get("/planes/nuevo").body()));
    f.put("code", plan);
    f.put("name", "Borrador de plan para la vista previa");
    f.put("territory", "LCH");
    f.put("periodStart", "2026-01-01");
    f.put("periodEnd", "2028-12-31");
    assertThat(analyst.post("/planes/nuevo", f).statusCode()).isEqualTo(303);
    assertThat(analyst.get("/planes/" + plan + "/editar").body())
        .contains("href=\"/planes/" + plan + "/vista-previa\"")
        // Each axis by its title, its code in small print beside it; never "Eje PREV".
        .containsPattern(
            "<h3 class=\"axis-title\"><span>[^<]*[a-z][^<]*</span>\\s*<span class=\"small\">PREV</span></h3>")
        .contains(">Nombre del eje</label>")
        .doesNotContain("Eje PREV");

    FormClient anonymous = new FormClient(server.getURI());
    assertThat(anonymous.get("/planes/" + plan).statusCode()).isEqualTo(404);
    var refused = anonymous.get("/planes/" + plan + "/vista-previa");
    assertThat(refused.statusCode()).isIn(303, 401);
    assertThat(refused.body()).doesNotContain("Borrador de plan para la vista previa");

    var preview = analyst.get("/planes/" + plan + "/vista-previa");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("id=\"aviso-vista-previa\"")
        .contains("Vista previa pública")
        .contains("Borrador de plan para la vista previa")
        .contains("Prevención")
        .doesNotContain("id=\"editar-plan\"")
        .doesNotContain("Cambios y versiones");
  }

  @Test
  void thePreviewShowsTheFiguresThePublicReadsNotTheStaffs() {
    String plan = "/planes/LCH-PISCC-2025";
    FormClient analyst = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String preview = main(analyst.get(plan + "/vista-previa").body());
    String pub = main(new FormClient(server.getURI()).get(plan).body());
    assertThat(preview).contains("id=\"aviso-vista-previa\"");
    assertThat(spaced(withoutBanner(preview))).isEqualTo(spaced(pub));
  }

  @Test
  void anAdministratorApprovesAndPublishesADraftAndAnAnalystCannot() {
    FormClient analyst = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String plan = "APR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(analyst.get("/planes/nuevo").body()));
    f.put("code", plan);
    f.put("name", "Plan que se aprueba en el navegador");
    f.put("territory", "LCH");
    f.put("periodStart", "2026-01-01");
    f.put("periodEnd", "2028-12-31");
    assertThat(analyst.post("/planes/nuevo", f).statusCode()).isEqualTo(303);
    String edit = analyst.get("/planes/" + plan + "/editar").body();
    assertThat(edit).contains("id=\"estado-actual\"").doesNotContain("id=\"aprobar-plan\"");
    var refused =
        analyst.post(
            "/planes/" + plan + "/estado",
            Map.of("_csrf", FormClient.csrf(edit), "status", "PUBLISHED"));
    assertThat(refused.statusCode()).isEqualTo(403);

    FormClient admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
    String page = admin.get("/planes/" + plan + "/editar").body();
    assertThat(page).contains("id=\"aprobar-plan\"");
    var approved =
        admin.post(
            "/planes/" + plan + "/estado",
            Map.of("_csrf", FormClient.csrf(page), "status", "APPROVED"));
    assertThat(approved.statusCode()).isEqualTo(303);
    page = admin.get("/planes/" + plan + "/editar").body();
    assertThat(page).contains(">Aprobado<").contains("id=\"publicar-plan\"");
    FormClient anonymous = new FormClient(server.getURI());
    assertThat(anonymous.get("/planes/" + plan).statusCode()).isEqualTo(404);
    var published =
        admin.post(
            "/planes/" + plan + "/estado",
            Map.of("_csrf", FormClient.csrf(page), "status", "PUBLISHED"));
    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(anonymous.get("/planes/" + plan).body())
        .contains("Plan que se aprueba en el navegador");
  }

  private static String main(String html) {
    return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
  }

  private static String spaced(String html) {
    return html.replaceAll("\\s+", " ").strip();
  }

  private static String withoutBanner(String main) {
    return main.replaceAll("(?s)\\s*<div class=\"preview-banner\".*?</div>", "");
  }
}
