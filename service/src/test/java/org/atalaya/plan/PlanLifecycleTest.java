package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan from draft to published, and what each role sees of it on the way. */
@MicronautTest(environments = "test")
class PlanLifecycleTest extends PlanFixture {
  @Test
  void aNewPlanIsADraftWithTheGuidesFiveAxesInSpanish() {
    List<Map> axes =
        api.call(HttpRequest.GET("/api/plans/" + plan + "/axes").bearerAuth(analyst), List.class)
            .value();

    assertThat(axes)
        .extracting(a -> a.get("name"))
        .containsExactly(
            "Prevención de la violencia",
            "Control y persecución penal del delito",
            "Rehabilitación y reinserción",
            "Atención y protección a víctimas",
            "Fortalecimiento institucional");
  }

  @Test
  void draftsAreInvisibleToThePublicButNotToStaff() {
    assertThat(api.get("/api/plans/" + plan, Map.class).status()).isEqualTo(404);
    assertThat(api.get("/api/plans/" + plan + "/export", String.class).status()).isEqualTo(404);
    assertThat(api.get("/api/plans", List.class).value())
        .extracting(p -> ((Map<?, ?>) p).get("code"))
        .doesNotContain(plan)
        .contains("LCH-PISCC-2025");
    assertThat(
            api.call(HttpRequest.GET("/api/plans/" + plan).bearerAuth(analyst), Map.class).status())
        .isEqualTo(200);
  }

  @Test
  void projectsHoldEveryElementOfStepFive() {
    Map<String, Object> project = new HashMap<>();
    project.put("code", "PRY-T");
    project.put("name", "Iluminación de calles");
    project.put("axis", "PREV");
    project.put("location", "Barrio Colón");
    project.put("start", "2025-04-01");
    project.put("end", "2026-03-31");
    project.put("problem", "Calles oscuras");
    project.put("justification", "El diagnóstico señala robos en zonas sin luz");
    project.put("generalObjective", "Reducir robos nocturnos");
    project.put("specificObjectives", List.of("Iluminar 40 calles"));
    project.put("activities", List.of("Censo de luminarias", "Instalación"));
    project.put("beneficiaries", "12 000 residentes");
    project.put("indicators", List.of("Calles iluminadas"));
    project.put(
        "schedule",
        List.of(
            Map.of("activity", "Censo de luminarias", "start", "2025-04-01", "end", "2025-05-31")));
    project.put("communicationPlan", "Foros barriales");
    project.put("monitoringPlan", "Informe trimestral");
    project.put("leadInstitution", "MUN-LCH");
    project.put("budget", Map.of("amount", 120000, "currency", "USD"));
    project.put("fundingSource", "Fondo municipal");

    var created =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/projects", project).bearerAuth(analyst),
            Map.class);
    Map read =
        api.call(
                HttpRequest.GET("/api/plans/" + plan + "/projects/PRY-T").bearerAuth(analyst),
                Map.class)
            .value();

    assertThat(created.status()).isEqualTo(201);
    assertThat(read.keySet()).containsAll(project.keySet());
    assertThat(read)
        .containsEntry("communicationPlan", "Foros barriales")
        .containsEntry("axis", "PREV");
  }

  @Test
  void onlyAnAdministratorPublishesAPlan() {
    Map<String, Object> header =
        Map.of(
            "code", plan,
            "name", "Plan de prueba",
            "territory", "LCH",
            "periodStart", "2025-01-01",
            "periodEnd", "2027-12-31",
            "status", "PUBLISHED");

    var byAnalyst =
        api.call(HttpRequest.PUT("/api/plans/" + plan, header).bearerAuth(analyst), Map.class);
    var byAdmin =
        api.call(
            HttpRequest.PUT("/api/plans/" + plan, header).bearerAuth(api.adminToken()), Map.class);

    assertThat(byAnalyst.status()).isEqualTo(403);
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(api.get("/api/plans/" + plan, Map.class).status()).isEqualTo(200);
  }
}
