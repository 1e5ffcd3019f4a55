package org.atalaya.web.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A priority project written through its form, over real HTTP: every field of the guide's step 5
 * saved as the API reads it, the API's checks beside each field with what was typed kept, a
 * concurrent change shown rather than overwritten, a published plan's edit becoming a proposal, and
 * removal.
 */
@MicronautTest(environments = "test")
class ProjectFormPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  FormClient browser;
  String plan;

  @BeforeEach
  void aDraftPlan() {
    api = new Api(client);
    api.analystToken();
    browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    plan = "PRJ-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(browser.get("/planes/nuevo").body()));
    f.put("code", plan);
    f.put("name", "Plan de prueba de proyectos");
    f.put("territory", "LCH");
    f.put("periodStart", "2026-01-01");
    f.put("periodEnd", "2028-12-31");
    assertThat(browser.post("/planes/nuevo", f).statusCode()).isEqualTo(303);
  }

  private Map<String, String> project(String path) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", FormClient.csrf(browser.get(path).body()));
    f.put("code", "P1");
    f.put("name", "Parque seguro en Barrio Colón");
    f.put("axis", "PREV");
    f.put("location", "Barrio Colón, corregimiento Barrio Colón");
    f.put("start", "2026-02-01");
    f.put("end", "2027-06-30");
    f.put("problem", "Riñas y robos en el parque por la noche");
    f.put("justification", "El diagnóstico señala el parque como punto caliente");
    f.put("generalObjective", "Recuperar el parque como espacio de convivencia");
    f.put("specificObjectives", "Iluminar el parque\nOrganizar actividades juveniles");
    f.put("activities", "Instalar luminarias\nLigas deportivas nocturnas");
    f.put("beneficiaries", "3 200 residentes del barrio");
    f.put("indicators", "Robos denunciados en el parque");
    f.put("schedule", "Instalar luminarias; 2026-02-01; 2026-05-31\nLigas deportivas; 2026-06-01");
    f.put("communicationPlan", "Perifoneo y redes del municipio");
    f.put("monitoringPlan", "Informe trimestral al Comité");
    f.put("leadInstitution", "MUN-LCH");
    f.put("budgetAmount", "45 000,50");
    f.put("budgetCurrency", "USD");
    f.put("fundingSource", "Presupuesto municipal");
    return f;
  }

  @Test
  void aProjectIsRefusedBesideItsFieldsThenSavedWithEveryFieldOfTheGuideAndRemoved() {
    Map<String, String> f = project("/planes/" + plan + "/proyectos/nuevo");
    f.put("problem", "");
    f.put("schedule", "Instalar luminarias; febrero; 2026-05-31");
    var refused = browser.post("/planes/" + plan + "/proyectos/nuevo", f);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Corrija los campos marcados")
        .contains("id=\"problem-error\"")
        .contains("línea 1: «febrero» no es una fecha")
        .contains("value=\"Parque seguro en Barrio Colón\"")
        .contains("Iluminar el parque\nOrganizar actividades juveniles")
        .doesNotContain("Exception");
    assertThat(read("/api/plans/" + plan + "/projects/P1").status()).isEqualTo(404);

    var saved = browser.post("/planes/" + plan + "/proyectos/nuevo", project("/planes/nuevo"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("location").orElseThrow())
        .isEqualTo("/planes/" + plan + "/editar?guardada=P1#proyectos");
    Map<String, Object> doc = read("/api/plans/" + plan + "/projects/P1").value();
    assertThat(doc)
        .containsEntry("name", "Parque seguro en Barrio Colón")
        .containsEntry("axis", "PREV")
        .containsEntry("start", "2026-02-01")
        .containsEntry("end", "2027-06-30")
        .containsEntry("beneficiaries", "3 200 residentes del barrio")
        .containsEntry("leadInstitution", "MUN-LCH")
        .containsEntry("budget", Map.of("amount", 45000.5, "currency", "USD"))
        .containsEntry("fundingSource", "Presupuesto municipal")
        .containsEntry("monitoringPlan", "Informe trimestral al Comité");
    assertThat(doc.get("specificObjectives"))
        .isEqualTo(List.of("Iluminar el parque", "Organizar actividades juveniles"));
    assertThat(doc.get("schedule"))
        .isEqualTo(
            List.of(
                Map.of(
                    "activity", "Instalar luminarias", "start", "2026-02-01", "end", "2026-05-31"),
                Map.of("activity", "Ligas deportivas", "start", "2026-06-01")));

    assertThat(browser.get("/planes/" + plan + "/editar").body())
        .contains("P1 — Parque seguro en Barrio Colón")
        .contains("/planes/" + plan + "/proyectos/P1/editar");
    assertThat(browser.get("/planes/" + plan + "/proyectos/P1").body())
        .contains("id=\"editar-proyecto\"")
        .contains("Ligas deportivas");
    assertThat(browser.get("/planes/" + plan + "/proyectos/P1/editar").body())
        .contains("Instalar luminarias; 2026-02-01; 2026-05-31\nLigas deportivas; 2026-06-01")
        .contains("value=\"45000.50\"");

    var removed =
        browser.post(
            "/planes/" + plan + "/proyectos/P1/borrar",
            Map.of("_csrf", FormClient.csrf(browser.get("/planes/" + plan + "/editar").body())));
    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(read("/api/plans/" + plan + "/projects/P1").status()).isEqualTo(404);
  }

  @Test
  void aChangeMadeMeanwhileIsShownAndAPublishedPlansEditBecomesAProposal() {
    browser.post("/planes/" + plan + "/proyectos/nuevo", project("/planes/nuevo"));
    api.call(
        HttpRequest.PUT(
                "/api/plans/" + plan,
                Map.of(
                    "code", plan,
                    "name", "Plan de prueba de proyectos",
                    "territory", "LCH",
                    "periodStart", "2026-01-01",
                    "periodEnd", "2028-12-31",
                    "status", "PUBLISHED"))
            .bearerAuth(api.adminToken()),
        Map.class);
    String form = browser.get("/planes/" + plan + "/proyectos/P1/editar").body();
    assertThat(form).contains("id=\"controlado\"").contains("Proponer el cambio");

    Map<String, Object> theirs = new HashMap<>(read("/api/plans/" + plan + "/projects/P1").value());
    theirs.put("beneficiaries", "Toda la juventud del corregimiento");
    var proposed =
        api.call(
            HttpRequest.PUT("/api/plans/" + plan + "/projects/P1", theirs)
                .bearerAuth(api.analystToken()),
            Map.class);
    assertThat(proposed.status()).isEqualTo(202);

    Map<String, String> mine = project("/planes/nuevo");
    mine.put("_csrf", FormClient.csrf(form));
    mine.put("base", base(form));
    mine.put("name", "Parque iluminado en Barrio Colón");
    var conflict = browser.post("/planes/" + plan + "/proyectos/P1/editar", mine);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("id=\"cambio-ajeno\"")
        .contains("Toda la juventud del corregimiento")
        .contains("Cuando usted lo abrió")
        .contains("value=\"Parque iluminado en Barrio Colón\"");

    mine.put("base", base(conflict.body()));
    var saved = browser.post("/planes/" + plan + "/proyectos/P1/editar", mine);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("location").orElseThrow())
        .startsWith("/planes/" + plan + "/cambios/");
    // Until the committee approves, the public reads the published project.
    assertThat(api.get("/api/plans/" + plan + "/projects/P1", Map.class).value())
        .containsEntry("name", "Parque seguro en Barrio Colón");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Api.Reply<Map<String, Object>> read(String uri) {
    return (Api.Reply) api.call(HttpRequest.GET(uri).bearerAuth(api.analystToken()), Map.class);
  }

  private static String base(String html) {
    var m = java.util.regex.Pattern.compile("name=\"base\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
