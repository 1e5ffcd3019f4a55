package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class PlanApiTest extends PlanFixture {
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
        .isEqualTo(
            "«CITY» no es un valor válido; use uno de: DISTRICT, CORREGIMIENTO, PROVINCE, BARRIO");
  }
}
