package org.atalaya.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One write of every kind the API offers, each found afterwards in the audit log under its entity
 * and key, with the person who made it (and the reason, where one was given).
 */
@MicronautTest(environments = "test")
class AuditCoverageTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String analyst;
  String s;

  @BeforeEach
  void signIn() {
    api = new Api(client);
    admin = api.adminToken();
    analyst = api.analystToken();
    s = Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  private void ok(MutableHttpRequest<?> request) {
    var reply = api.call(request, Object.class);
    assertThat(reply.status())
        .as(request.getMethod() + " " + request.getPath() + " " + reply.problem())
        .isBetween(200, 299);
  }

  private Map<String, Object> audited(String entity, String key, String action, String actor) {
    var uri =
        io.micronaut.http.uri.UriBuilder.of("/api/audit")
            .queryParam("entity", entity)
            .queryParam("key", key)
            .queryParam("action", action)
            .build();
    var reply = api.call(HttpRequest.GET(uri).bearerAuth(admin), Map.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries = (List<Map<String, Object>>) reply.value().get("entries");
    assertThat(entries).as("audit entry " + action + " " + entity + " " + key).isNotEmpty();
    assertThat(entries.get(0)).containsEntry("actor", actor);
    return entries.get(0);
  }

  @Test
  void planAxisCardAndProjectWritesAreAudited() {
    String plan = "AUDP-" + s;
    ok(
        HttpRequest.POST(
                "/api/plans",
                Map.of(
                    "code", plan,
                    "name", "Plan auditado",
                    "territory", "LCH",
                    "periodStart", "2025-01-01",
                    "periodEnd", "2027-12-31"))
            .bearerAuth(analyst));
    ok(
        HttpRequest.POST(
                "/api/plans/" + plan + "/axes",
                Map.of("code", "LOCAL", "name", "Eje local de convivencia"))
            .bearerAuth(analyst));
    ok(
        HttpRequest.POST("/api/plans/" + plan + "/axes/LOCAL/actions", card("VIF-1"))
            .bearerAuth(analyst));
    ok(HttpRequest.DELETE("/api/plans/" + plan + "/actions/VIF-1").bearerAuth(analyst));
    ok(HttpRequest.DELETE("/api/plans/" + plan).bearerAuth(admin));

    audited("plan", plan, "CREATE", "test-analyst");
    audited("axis", plan + "/LOCAL", "CREATE", "test-analyst");
    audited("action_card", plan + "/VIF-1", "CREATE", "test-analyst");
    audited("action_card", plan + "/VIF-1", "DELETE", "test-analyst");
    audited("plan", plan, "DELETE", "admin");
  }

  private static Map<String, Object> card(String code) {
    return Map.of(
        "code", code,
        "title", "Talleres preventivos",
        "problem", "Violencia en la familia",
        "generalObjective", "Disminuir la violencia intrafamiliar",
        "leadInstitution", "INAMU");
  }

  @Test
  void indicatorTargetAndMeasurementWritesAreAuditedWithTheirReason() {
    String code = "AUDI-" + s;
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    // The demo plan is published: the targets are proposed, and in force once approved.
    assertThat(
            api.inForce(
                    HttpRequest.PUT(
                            "/api/indicators/" + code + "/targets",
                            List.of(
                                Map.of(
                                    "territory", "LCH",
                                    "baseline", Map.of("period", "2024-01-01", "value", 10),
                                    "target", Map.of("period", "2028-01-01", "value", 20))))
                        .bearerAuth(analyst))
                .status())
        .isEqualTo(200);
    String file = "auditoria-" + s + ".csv";
    ok(
        HttpRequest.POST(
                "/api/measurements/upload?file=" + file + "&reason=Cifras+de+marzo",
                "indicador,periodo,sexo,territorio,valor\n" + code + ",2025-03,F,LCH-02,20\n")
            .contentType("text/csv")
            .bearerAuth(analyst));
    ok(
        HttpRequest.POST(
                "/api/measurements",
                List.of(
                    Map.of(
                        "indicator", code,
                        "period", "2025-04",
                        "sex", "F",
                        "territory", "LCH-02",
                        "value", 21)))
            .bearerAuth(analyst));

    // Proposed by the analyst, they took effect with the committee's approval.
    audited("indicator", code, "CREATE", "test-committee");
    audited("target", code, "UPDATE", "test-committee");
    Map<String, Object> upload = audited("measurement", file, "IMPORT", "test-analyst");
    assertThat(upload).containsEntry("reason", "Cifras de marzo");
    assertThat((Map<String, Object>) upload.get("after")).containsEntry("inserted", 1);
    audited("measurement", "json", "IMPORT", "test-analyst");
  }

  @Test
  void territoryAndCensusWritesAreAudited() {
    String code = "AUDT-" + s;
    ok(
        HttpRequest.POST(
                "/api/territories",
                Map.of("code", code, "name", "Distrito " + s, "level", "DISTRICT"))
            .bearerAuth(analyst));
    String file = "censo-" + s + ".csv";
    ok(
        HttpRequest.POST(
                "/api/territories/population/import?file=" + file,
                "territorio,anio,hombres,mujeres\n" + code + ",2023,100,120\n")
            .contentType("text/csv")
            .bearerAuth(analyst));

    audited("territory", code, "CREATE", "test-analyst");
    audited("territory_population", file, "IMPORT", "test-analyst");
  }

  @Test
  void userWritesAreAuditedWithoutPasswords() {
    String user = "aud-user-" + s.toLowerCase();
    ok(
        HttpRequest.POST(
                "/api/users",
                Map.of("username", user, "password", Api.STAFF_PASSWORD, "role", "ANALYST"))
            .bearerAuth(admin));
    ok(
        HttpRequest.PUT(
                "/api/users/" + user,
                Map.of("role", "COMMITTEE", "enabled", false, "reason", "Dejó el observatorio"))
            .bearerAuth(admin));

    Map<String, Object> created = audited("user", user, "CREATE", "admin");
    Map<String, Object> disabled = audited("user", user, "UPDATE", "admin");
    assertThat(disabled).containsEntry("reason", "Dejó el observatorio");
    assertThat((Map<String, Object>) disabled.get("before"))
        .containsEntry("enabled", true)
        .containsEntry("role", "ANALYST");
    assertThat((Map<String, Object>) disabled.get("after"))
        .containsEntry("enabled", false)
        .containsEntry("role", "COMMITTEE");
    assertThat(created.toString()).doesNotContain(Api.STAFF_PASSWORD).doesNotContain("argon2");
  }

  @Test
  void surveyWaveAndAggregateWritesAreAudited() {
    String survey = "AUDS-" + s;
    ok(
        HttpRequest.POST(
                "/api/surveys",
                Map.of(
                    "code",
                    survey,
                    "name",
                    "Encuesta auditada",
                    "design",
                    Map.of("weights", List.of("peso")),
                    "items",
                    List.of(
                        Map.of(
                            "code", "inseguro",
                            "label", "Se siente inseguro",
                            "type", "BINARY",
                            "values",
                                List.of(
                                    Map.of("code", "1", "label", "Sí"),
                                    Map.of("code", "2", "label", "No"))))))
            .bearerAuth(analyst));
    ok(
        HttpRequest.POST(
                "/api/surveys/" + survey + "/waves",
                Map.of(
                    "code", "R1",
                    "name", "Ronda 1",
                    "periodStart", "2025-01-01",
                    "periodEnd", "2025-03-31"))
            .bearerAuth(analyst));
    ok(
        HttpRequest.POST(
                "/api/surveys/" + survey + "/waves/R1/aggregates",
                List.of(
                    Map.of(
                        "item",
                        "inseguro",
                        "kind",
                        "PROPORTION",
                        "value",
                        "1",
                        "estimate",
                        0.4,
                        "se",
                        0.02,
                        "n",
                        800)))
            .bearerAuth(analyst));

    audited("survey", survey, "CREATE", "test-analyst");
    audited("surveyWave", survey + "/R1", "CREATE", "test-analyst");
    audited("surveyAggregate", survey + "/R1", "IMPORT", "test-analyst");
  }
}
