package org.atalaya.testsupport;

import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Named indicators for tests, created through the API and linked to the demo plan. */
public final class IndicatorFixtures {
  private IndicatorFixtures() {}

  /** Homicides per 100 000 inhabitants, by sex and corregimiento, monthly. */
  public static Map<String, Object> homicideRate(String code) {
    Map<String, Object> i =
        base(code, "Tasa de homicidios por 100 000 habitantes", "RATE", "MONTHLY");
    i.put("rateBase", 100000);
    i.put("unit", "por 100 000 hab.");
    i.put("direction", "DECREASE");
    i.put("disaggregations", Map.of("sex", true, "territory", true, "ageGroup", false));
    i.put("numeratorDefinition", "Homicidios registrados");
    i.put("denominatorDefinition", "Población del periodo");
    i.put(
        "sources",
        List.of(
            Map.of("code", "POLICIA", "name", "Policía Nacional", "official", true),
            Map.of("code", "IMELCF", "name", "Medicina Legal", "official", false)));
    return i;
  }

  /** Domestic-violence reports: a count, by sex and corregimiento, monthly. */
  public static Map<String, Object> domesticViolenceReports(String code) {
    Map<String, Object> i = base(code, "Denuncias de violencia doméstica", "COUNT", "MONTHLY");
    i.put("unit", "denuncias");
    i.put("direction", "INCREASE");
    i.put("disaggregations", Map.of("sex", true, "territory", true, "ageGroup", false));
    return i;
  }

  /** Streets lit: a cumulative count for the whole district, quarterly. */
  public static Map<String, Object> streetsLit(String code) {
    Map<String, Object> i = base(code, "Calles iluminadas", "COUNT", "QUARTERLY");
    i.put("unit", "calles");
    i.put("direction", "INCREASE");
    i.put("accumulation", "CUMULATIVE");
    return i;
  }

  /** Share of people who feel unsafe in their neighbourhood: a survey proportion in %, yearly. */
  public static Map<String, Object> perceivedInsecurity(String code) {
    Map<String, Object> i =
        base(code, "Percepción de inseguridad en el barrio", "PROPORTION", "ANNUAL");
    i.put("unit", "%");
    i.put("direction", "DECREASE");
    i.put("sourceKind", "SURVEY");
    i.put("disaggregations", Map.of("sex", true, "territory", true, "ageGroup", false));
    return i;
  }

  private static Map<String, Object> base(String code, String name, String kind, String frequency) {
    Map<String, Object> i = new HashMap<>();
    i.put("code", code);
    i.put("name", name);
    i.put("kind", kind);
    i.put("frequency", frequency);
    i.put("accumulation", "PERIODIC");
    i.put("sourceKind", "ADMINISTRATIVE");
    i.put("actionCard", Map.of("plan", "LCH-PISCC-2025", "code", "CONT-01"));
    return i;
  }

  public static void create(Api api, String token, Map<String, Object> indicator) {
    // The demo plan is published: the indicator is proposed, then approved by the committee.
    var reply = api.inForce(HttpRequest.POST("/api/indicators", indicator).bearerAuth(token));
    if (reply.status() != 201 && reply.status() != 200) {
      throw new AssertionError("indicator not created: " + reply.status() + " " + reply.problem());
    }
  }

  /**
   * The committee validates these periods of an indicator, as it must before the public reads them
   * (DESIGN: Publication).
   */
  public static void validate(Api api, String indicator, String... periods) {
    String committee = api.committeeToken();
    for (String period : periods) {
      var reply =
          api.call(
              HttpRequest.POST(
                      "/api/indicators/" + indicator + "/periods/" + period + "/validation",
                      java.util.Map.of())
                  .bearerAuth(committee),
              java.util.Map.class);
      if (reply.status() != 200) {
        throw new AssertionError(
            "period " + period + " of " + indicator + " not validated: " + reply.problem());
      }
    }
  }
}
