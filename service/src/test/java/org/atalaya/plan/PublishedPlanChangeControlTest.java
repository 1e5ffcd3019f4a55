package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A published plan changes only through an approved proposal: every write route of the API, tried
 * on a published plan, leaves the plan as it was and adds to one proposal; the committee approves
 * it, and the version before stays readable.
 */
@MicronautTest(environments = "test")
class PublishedPlanChangeControlTest extends PlanFixture {
  @Inject EmbeddedServer server;
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

  @Test
  void indicatorAndTargetWritesOnAPublishedPlanWaitForApprovalAndEveryVersionStaysAsItWas() {
    String code = plan + "-VIF";
    // A new indicator, then its targets for women and men: one proposal, field by field.
    var created =
        api.call(
            HttpRequest.POST("/api/indicators", indicator(code)).bearerAuth(analyst), Map.class);
    assertThat(created.status()).isEqualTo(202);
    assertThat(send(HttpRequest.GET("/api/indicators/" + code), analyst)).isEqualTo(404);
    assertThat(send(HttpRequest.PUT("/api/indicators/" + code + "/targets", targets(40)), analyst))
        .isEqualTo(202);
    Map open = openChange();
    assertThat((List<Map>) open.get("differences"))
        .extracting(d -> d.get("field") + ": " + d.get("before") + " → " + d.get("after"))
        .contains(
            "indicators[*]: null → " + code,
            "indicators[" + code + "].name: null → Víctimas de violencia en la familia",
            "indicators[" + code + "].targets[1].sex: null → F",
            "indicators[" + code + "].targets[2].sex: null → M",
            "indicators[" + code + "].targets[2].target.value: null → 40");
    Number id = (Number) open.get("id");
    String approve = path("/changes/" + id + "/approve");
    assertThat(send(HttpRequest.POST(approve, Map.of()), analyst)).isEqualTo(403);
    assertThat(send(HttpRequest.POST(approve, Map.of()), api.committeeToken())).isEqualTo(200);
    assertThat(api.call(HttpRequest.GET("/api/indicators/" + code).bearerAuth(analyst), Map.class))
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    List<Map> inForce =
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/targets").bearerAuth(analyst),
                List.class)
            .value();
    assertThat(inForce).extracting(t -> t.get("sex")).containsExactly("F", "M");

    // In force now: every write route to it, API and forms, only adds to a new proposal.
    String version = currentVersion();
    String export = staffExport();
    assertThat(version).contains(code).contains("\"targets\"");
    Map<String, Object> renamed = indicator(code);
    renamed.put("name", "Víctimas atendidas de violencia en la familia");
    String other = plan + "-OTRO";
    List<MutableHttpRequest<?>> writes =
        List.of(
            HttpRequest.PUT("/api/indicators/" + code, renamed),
            HttpRequest.PUT("/api/indicators/" + code + "/targets", targets(30)),
            HttpRequest.POST("/api/indicators", indicator(other)),
            HttpRequest.PUT("/api/indicators/" + other + "/targets", targets(10)),
            HttpRequest.DELETE("/api/indicators/" + other));
    for (var write : writes) {
      assertThat(send(write, analyst)).as(write.getMethod() + " " + write.getPath()).isEqualTo(202);
    }
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String edit = browser.get("/indicadores/" + code + "/editar").body();
    assertThat(edit)
        .as("the form says a change awaits approval and shows it as proposed")
        .contains("id=\"cambio-pendiente\"")
        .contains("Víctimas atendidas de violencia en la familia");
    String changePage = "/planes/" + plan + "/cambios/";
    var edited = browser.post("/indicadores/" + code + "/editar", form(code, edit));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
    assertThat(edited.headers().firstValue("location").orElseThrow()).startsWith(changePage);
    String targetsPage = browser.get("/indicadores/" + code + "/metas").body();
    Map<String, String> rows = new HashMap<>(Map.of("_csrf", FormClient.csrf(targetsPage)));
    row(rows, 0, "F", "25");
    row(rows, 1, "M", "20");
    var targeted = browser.post("/indicadores/" + code + "/metas", rows);
    assertThat(targeted.statusCode()).as(targeted.body()).isEqualTo(303);
    assertThat(targeted.headers().firstValue("location").orElseThrow()).startsWith(changePage);
    String third = plan + "-NUEVO";
    var made = browser.post("/indicadores/nuevo", form(third, edit));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
    assertThat(made.headers().firstValue("location").orElseThrow())
        .startsWith("/indicadores/" + third + "/metas");
    assertThat(browser.get("/indicadores/" + third + "/metas").body())
        .contains("id=\"cambio-pendiente\"");
    var deleted =
        browser.post("/indicadores/" + code + "/borrar", Map.of("_csrf", FormClient.csrf(edit)));
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(303);
    assertThat(deleted.headers().firstValue("location").orElseThrow()).startsWith(changePage);

    assertThat(currentVersion()).as("the version in force is unchanged").isEqualTo(version);
    assertThat(staffExport()).isEqualTo(export);
    assertThat(
            api.call(HttpRequest.GET("/api/indicators/" + code).bearerAuth(analyst), Map.class)
                .value())
        .containsEntry("name", "Víctimas de violencia en la familia");
    Map proposal = openChange();
    assertThat(proposal.get("id")).isNotEqualTo(id);
    assertThat((List<Map>) proposal.get("differences"))
        .extracting(d -> (String) d.get("field"))
        .contains("indicators[*]", "indicators[" + code + "].name")
        .noneMatch(f -> f.contains(other));
    assertThat(browser.get(changePage + proposal.get("id")).body())
        .contains("Indicador " + code + " › Nombre")
        .as("coded values in words")
        .contains("Mujeres");
  }

  private Map openChange() {
    List<Map> changes =
        api.call(HttpRequest.GET(path("/changes")).bearerAuth(analyst), List.class).value();
    return changes.stream()
        .filter(c -> "PROPOSED".equals(c.get("status")))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two open proposals");
            })
        .orElseThrow();
  }

  private String currentVersion() {
    List<Map> versions =
        api.call(HttpRequest.GET(path("/versions")).bearerAuth(analyst), List.class).value();
    Number last = (Number) versions.get(versions.size() - 1).get("version");
    return api.call(HttpRequest.GET(path("/versions/" + last)).bearerAuth(analyst), String.class)
        .value();
  }

  private String staffExport() {
    return api.call(
            HttpRequest.GET("/api/plans/" + plan + "/export?format=json").bearerAuth(analyst),
            String.class)
        .value();
  }

  private Map<String, Object> indicator(String code) {
    Map<String, Object> i = new HashMap<>();
    i.put("code", code);
    i.put("name", "Víctimas de violencia en la familia");
    i.put("kind", "COUNT");
    i.put("unit", "víctimas");
    i.put("direction", "DECREASE");
    i.put("frequency", "ANNUAL");
    i.put("accumulation", "PERIODIC");
    i.put("sourceKind", "ADMINISTRATIVE");
    i.put("disaggregations", Map.of("sex", true, "territory", false, "ageGroup", false));
    i.put("actionCard", Map.of("plan", plan, "code", "F1"));
    return i;
  }

  private static List<Map<String, Object>> targets(int men) {
    return List.of(
        Map.of(
            "sex",
            "F",
            "territory",
            "LCH",
            "baseline",
            Map.of("period", "2024-12-31", "value", 150),
            "target",
            Map.of("period", "2027-12-31", "value", 120)),
        Map.of(
            "sex",
            "M",
            "territory",
            "LCH",
            "baseline",
            Map.of("period", "2024-12-31", "value", 50),
            "target",
            Map.of("period", "2027-12-31", "value", men)));
  }

  /** The indicator form as a person fills it in, renamed. */
  private Map<String, String> form(String code, String page) {
    Map<String, String> f = new HashMap<>();
    f.put("_csrf", FormClient.csrf(page));
    f.put("code", code);
    f.put("name", "Víctimas de violencia en la familia, por sexo");
    f.put("kind", "COUNT");
    f.put("rateBase", "");
    f.put("unit", "víctimas");
    f.put("direction", "DECREASE");
    f.put("frequency", "ANNUAL");
    f.put("accumulation", "PERIODIC");
    f.put("bySex", "on");
    f.put("sourceKind", "ADMINISTRATIVE");
    f.put("actionCardPlan", plan);
    f.put("actionCardCode", "F1");
    f.put("sources", "OFICIAL; Fuente oficial");
    return f;
  }

  private static void row(Map<String, String> f, int i, String sex, String target) {
    f.put("sex-" + i, sex);
    f.put("territory-" + i, "LCH");
    f.put("baselinePeriod-" + i, "2024");
    f.put("baselineValue-" + i, "30");
    f.put("milestones-" + i, "");
    f.put("targetPeriod-" + i, "2027");
    f.put("targetValue-" + i, target);
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
