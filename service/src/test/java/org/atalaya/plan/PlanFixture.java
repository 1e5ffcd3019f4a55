package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;

/** A fresh draft plan per test, created through the API by an analyst. */
abstract class PlanFixture {
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
}
