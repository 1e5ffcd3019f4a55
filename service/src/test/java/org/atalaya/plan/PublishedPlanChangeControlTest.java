package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A published plan changes only through an approved proposal: every write route of the API, tried
 * on a published plan, leaves the plan as it was and adds to one proposal; the committee approves
 * it, and the version before stays readable.
 */
@MicronautTest(environments = "test")
class PublishedPlanChangeControlTest extends PlanFixture {
  private String admin;

  @BeforeEach
  void publishWithOneCard() {
    admin = api.adminToken();
    assertThat(send(HttpRequest.POST(path("/axes/PREV/actions"), fichaInamu("F1")), analyst))
        .isEqualTo(201);
    assertThat(send(HttpRequest.PUT("/api/plans/" + plan, header("PUBLISHED")), admin))
        .isEqualTo(200);
  }

  @Test
  void everyWriteRouteOnAPublishedPlanProposesInsteadOfChanging() {
    String before = export();
    Map<String, Object> renamed = fichaInamu("F1");
    renamed.put("title", "Talleres para familias y parejas");
    Map<String, Object> project = new HashMap<>();
    project.put("code", "PRY-1");
    project.put("name", "Iluminación de calles");
    project.put("location", "Barrio Colón");
    project.put("problem", "Calles oscuras");
    project.put("justification", "Robos en zonas sin luz");
    project.put("generalObjective", "Reducir robos nocturnos");
    project.put("beneficiaries", "12 000 residentes");
    Map<String, Object> otherProject = new HashMap<>(project);
    otherProject.put("code", "PRY-2");
    Map<String, Object> document = new HashMap<>(Map.of("format", "atalaya-plan/1"));
    document.put("plan", header("PUBLISHED"));

    List<MutableHttpRequest<?>> writes =
        List.of(
            HttpRequest.PUT("/api/plans/" + plan, header(null)),
            HttpRequest.POST(path("/axes"), Map.of("code", "LOCAL", "name", "Eje local")),
            HttpRequest.PUT(path("/axes/LOCAL"), Map.of("code", "LOCAL", "name", "Eje del barrio")),
            HttpRequest.DELETE(path("/axes/REHAB")),
            HttpRequest.POST(path("/axes/VICT/move?by=-1"), Map.of()),
            HttpRequest.POST(path("/axes/PREV/actions"), fichaInamu("F2")),
            HttpRequest.PUT(path("/actions/F1"), renamed),
            HttpRequest.DELETE(path("/actions/F2")),
            HttpRequest.POST(path("/projects"), project),
            HttpRequest.POST(path("/projects"), otherProject),
            HttpRequest.PUT(path("/projects/PRY-1"), project),
            HttpRequest.DELETE(path("/projects/PRY-2")));
    for (var write : writes) {
      assertThat(send(write, analyst)).as(write.getMethod() + " " + write.getPath()).isEqualTo(202);
    }
    assertThat(send(HttpRequest.DELETE("/api/plans/" + plan), admin)).isEqualTo(409);
    assertThat(export()).as("the published plan is unchanged").isEqualTo(before);

    List<Map> changes =
        api.call(HttpRequest.GET(path("/changes")).bearerAuth(analyst), List.class).value();
    assertThat(changes)
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("status", "PROPOSED"));
    assertThat((List<Map>) changes.get(0).get("differences"))
        .extracting(d -> d.get("field") + ": " + d.get("before") + " → " + d.get("after"))
        .contains(
            "axes[PREV].actionCards[F1].title: Talleres preventivos de maltrato → Talleres para"
                + " familias y parejas",
            "axes[LOCAL].name: null → Eje del barrio",
            "axes[REHAB].name: Rehabilitación y reinserción → null",
            "axes[*]: PREV, CONT, REHAB, VICT, FORT → PREV, VICT, CONT, FORT, LOCAL",
            "projects[PRY-1].location: null → Barrio Colón")
        .noneMatch(d -> d.contains("F2") || d.contains("PRY-2"));

    // An import replacing the plan is a proposal too, and extends the same one.
    document.put("axes", List.of(Map.of("code", "PREV", "name", "Prevención")));
    var imported =
        api.call(
            HttpRequest.POST("/api/plans/import?replace=true", document)
                .bearerAuth(analyst)
                .contentType("application/json"),
            Map.class);
    assertThat(imported.status()).isEqualTo(202);
    assertThat(export()).isEqualTo(before);
    assertThat(api.call(HttpRequest.GET(path("/changes")).bearerAuth(analyst), List.class).value())
        .hasSize(1);
  }

  @Test
  void aProposalTakesEffectWhenTheCommitteeApprovesItAndTheOldVersionStaysReadable() {
    String before = export();
    Map<String, Object> renamed = fichaInamu("F1");
    renamed.put("title", "Talleres para familias y parejas");
    var proposed =
        api.call(HttpRequest.PUT(path("/actions/F1"), renamed).bearerAuth(analyst), Map.class);
    Number id = (Number) proposed.value().get("id");
    Map<String, Object> invalid = fichaInamu("F1");
    invalid.put("problem", "");
    assertThat(send(HttpRequest.PUT(path("/actions/F1"), invalid), analyst)).isEqualTo(422);

    String approve = path("/changes/" + id + "/approve");
    assertThat(send(HttpRequest.POST(approve, Map.of()), analyst)).isEqualTo(403);
    Map approved =
        api.call(
                HttpRequest.POST(approve, Map.of("reason", "Acta 12 del Comité"))
                    .bearerAuth(api.committeeToken()),
                Map.class)
            .value();

    assertThat(approved)
        .containsEntry("status", "APPROVED")
        .containsEntry("decidedBy", "test-committee");
    Map card = api.get(path("/actions/F1"), Map.class).value();
    assertThat(card).containsEntry("title", "Talleres para familias y parejas");
    List<Map> versions =
        api.call(HttpRequest.GET(path("/versions")).bearerAuth(analyst), List.class).value();
    assertThat(versions).hasSize(2);
    Number old = (Number) versions.get(0).get("version");
    String oldVersion =
        api.call(HttpRequest.GET(path("/versions/" + old)).bearerAuth(analyst), String.class)
            .value();
    assertThat(oldVersion)
        .contains("Talleres preventivos de maltrato")
        .doesNotContain("Talleres para familias y parejas");
    assertThat(send(HttpRequest.POST(approve, Map.of()), admin)).isEqualTo(409);
    assertThat(export()).isNotEqualTo(before);
  }

  private String export() {
    return api.get("/api/plans/" + plan + "/export?format=json", String.class).value();
  }

  private Map<String, Object> header(String status) {
    Map<String, Object> h = new HashMap<>();
    h.put("code", plan);
    h.put("name", status == null ? "Plan renombrado" : "Plan de prueba");
    h.put("territory", "LCH");
    h.put("periodStart", "2025-01-01");
    h.put("periodEnd", "2027-12-31");
    if (status != null) {
      h.put("status", status);
    }
    return h;
  }

  private String path(String rest) {
    return "/api/plans/" + plan + rest;
  }

  private int send(MutableHttpRequest<?> request, String token) {
    return api.call(request.bearerAuth(token).accept("application/json"), String.class).status();
  }
}
