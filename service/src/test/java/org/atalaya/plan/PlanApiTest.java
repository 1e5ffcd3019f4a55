package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class PlanApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String plan;

  @BeforeEach
  void createDraftPlan() {
    api = new Api(client);
    analyst = api.analystToken();
    plan = "T-" + UUID.randomUUID().toString().substring(0, 8);
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/plans",
                    Map.of(
                        "code", plan,
                        "name", "Plan de prueba",
                        "territory", "LCH",
                        "periodStart", "2025-01-01",
                        "periodEnd", "2027-12-31"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
  }

  static Map<String, Object> fichaInamu(String code) {
    Map<String, Object> card = new HashMap<>();
    card.put("code", code);
    card.put("title", "Talleres preventivos de maltrato");
    card.put("problem", "Alta incidencia de violencia en la familia hacia mujeres y niños");
    card.put("generalObjective", "Disminuir la violencia intrafamiliar");
    card.put(
        "actions",
        List.of("Realizar talleres preventivos de maltrato y ayuda para las familias y parejas"));
    card.put(
        "targets",
        List.of(
            "Sensibilizar a 1000 personas en la importancia de denunciar el maltrato en el hogar"));
    card.put(
        "indicators",
        List.of("Nº de talleres realizados", "Nº de personas participantes (por sexo)"));
    card.put("leadInstitution", "INAMU");
    card.put("partners", List.of("MUN-LCH"));
    card.put("otherPartners", List.of("Organizaciones de mujeres"));
    card.put(
        "schedule",
        Map.of("start", "2025-03-01", "end", "2026-12-31", "notes", "Dos ciclos al año"));
    card.put("budget", Map.of("amount", 45000.50, "currency", "USD"));
    card.put("fundingSource", "Presupuesto municipal y cooperación internacional");
    return card;
  }

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
  void anActionCardKeepsEveryFieldOfTheGuidesFicha() {
    var created =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", fichaInamu("VIF-1"))
                .bearerAuth(analyst),
            Map.class);

    Map card =
        api.call(
                HttpRequest.GET("/api/plans/" + plan + "/actions/VIF-1").bearerAuth(analyst),
                Map.class)
            .value();
    assertThat(created.status()).isEqualTo(201);
    assertThat(card)
        .containsEntry("leadInstitution", "INAMU")
        .containsEntry("partners", List.of("MUN-LCH"))
        .containsEntry("otherPartners", List.of("Organizaciones de mujeres"))
        .containsEntry(
            "indicators",
            List.of("Nº de talleres realizados", "Nº de personas participantes (por sexo)"))
        .containsEntry("fundingSource", "Presupuesto municipal y cooperación internacional");
    assertThat(((Map<?, ?>) card.get("schedule")).get("start")).isEqualTo("2025-03-01");
    assertThat(((Map<?, ?>) card.get("budget")).get("currency")).isEqualTo("USD");
    assertThat(((Map<?, ?>) card.get("budget")).get("amount").toString()).isEqualTo("45000.5");
  }

  @Test
  void aSecondCardWithTheSameCodeIsAConflict() {
    api.call(
        HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", fichaInamu("VIF-2"))
            .bearerAuth(analyst),
        Map.class);

    var again =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/VICT/actions", fichaInamu("VIF-2"))
                .bearerAuth(analyst),
            Map.class);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error().errors()).extracting("field").containsExactly("code");
  }

  @Test
  void unknownInstitutionsAreNamedFieldByField() {
    Map<String, Object> card = fichaInamu("VIF-3");
    card.put("leadInstitution", "NADIE");
    card.put("partners", List.of("MUN-LCH", "TAMPOCO"));

    var reply =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", card)
                .header("Accept-Language", "en")
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().title()).isEqualTo("Invalid data");
    assertThat(reply.error().errors())
        .extracting("field", "message")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "leadInstitution", "there is no institution with code \"NADIE\""),
            org.assertj.core.groups.Tuple.tuple(
                "partners[1]", "there is no institution with code \"TAMPOCO\""));
  }

  @Test
  void anUnknownAxisIsNotFound() {
    var reply =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/NO-AXIS/actions", fichaInamu("VIF-4"))
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error().detail()).isEqualTo("No existe un eje con el código «NO-AXIS».");
  }

  @Test
  void missingAndOutOfRangeFieldsAreEachNamed() {
    Map<String, Object> card = fichaInamu("VIF-5");
    card.remove("problem");
    card.put("title", "");
    card.put("budget", Map.of("amount", -10, "currency", "dólares"));

    var reply =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", card).bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.error().errors())
        .extracting("field")
        .contains("budget.amount", "budget.currency", "problem", "title");
  }

  @Test
  void malformedJsonIsABadRequestWithoutInternals() {
    var reply =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", "{\"code\": ")
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().detail()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    Map<String, Object> card = fichaInamu("VIF-6");
    card.put("presupuesto", 10);

    var reply =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", card).bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().errors()).extracting("field").containsExactly("presupuesto");
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
  void everyChangeIsAuditedWithItsAuthor() throws Exception {
    api.call(
        HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", fichaInamu("VIF-7"))
            .bearerAuth(analyst),
        Map.class);
    Map<String, Object> changed = fichaInamu("VIF-7");
    changed.put("title", "Talleres (revisado)");
    api.call(
        HttpRequest.PUT("/api/plans/" + plan + "/actions/VIF-7", changed).bearerAuth(analyst),
        Map.class);

    var db = org.atalaya.testsupport.TestDatabaseSession.database();
    try (var c = java.sql.DriverManager.getConnection(db.url, db.username, db.password);
        var s =
            c.prepareStatement(
                "SELECT actor, action, before_json->>'title', after_json->>'title' FROM audit_log"
                    + " WHERE entity = 'action_card' AND entity_key = ? ORDER BY at, id")) {
      s.setString(1, plan + "/VIF-7");
      var rs = s.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("test-analyst");
      assertThat(rs.getString(2)).isEqualTo("CREATE");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("UPDATE");
      assertThat(rs.getString(3)).isEqualTo("Talleres preventivos de maltrato");
      assertThat(rs.getString(4)).isEqualTo("Talleres (revisado)");
      var update = c.createStatement();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> update.executeUpdate("UPDATE audit_log SET actor = 'someone-else'"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void aBudgetTooLargeToStoreIsRefusedNotAServerError() {
    Map<String, Object> card = fichaInamu("VIF-8");
    card.put(
        "budget",
        Map.of("amount", new java.math.BigDecimal("12345678901234567890.123"), "currency", "USD"));

    var reply =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", card).bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("budget.amount");
              assertThat(v.message())
                  .isEqualTo("admite como máximo 14 cifras enteras y 2 decimales");
            });
  }

  @Test
  void aValueOutsideAClosedListNamesTheAllowedValues() {
    var reply =
        api.call(
            HttpRequest.POST(
                    "/api/territories", Map.of("code", "X-CITY", "name", "x", "level", "CITY"))
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().errors().get(0).message())
        .isEqualTo("«CITY» no es un valor válido; use uno de: DISTRICT, CORREGIMIENTO, BARRIO");
  }
}
