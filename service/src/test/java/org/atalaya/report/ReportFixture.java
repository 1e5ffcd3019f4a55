package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;

/**
 * A small plan of its own (one action card, one district-wide count with a target and four quarters
 * of 2025, validated by the committee), so that publishing and revising it leaves the demo plan
 * untouched.
 */
abstract class ReportFixture {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String analyst;
  String committee;
  String plan;
  String indicator;

  @BeforeEach
  void smallPlan() {
    api = new Api(client);
    admin = api.adminToken();
    analyst = api.analystToken();
    committee = api.committeeToken();
    String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    plan = "RPT-" + suffix;
    indicator = "RPT-CALLES-" + suffix;
    expect(
        201,
        post(
            "/api/plans",
            Map.of(
                "code", plan,
                "name", "Plan de prueba del informe",
                "territory", "LCH",
                "periodStart", "2025-01-01",
                "periodEnd", "2027-12-31"),
            admin));
    expect(
        201,
        post(
            "/api/plans/" + plan + "/axes/PREV/actions",
            Map.of(
                "code", "PREV-01",
                "title", "Iluminación de calles",
                "problem", "Calles oscuras",
                "generalObjective", "Iluminar las calles"),
            admin));
    Map<String, Object> streets = IndicatorFixtures.streetsLit(indicator);
    streets.put("actionCard", Map.of("plan", plan, "code", "PREV-01"));
    IndicatorFixtures.create(api, analyst, streets);
    expect(
        200,
        api.call(
            HttpRequest.PUT(
                    "/api/indicators/" + indicator + "/targets",
                    List.of(
                        Map.of(
                            "territory", "LCH",
                            "baseline", Map.of("period", "2024-10-01", "value", 0),
                            "target", Map.of("period", "2027-10-01", "value", 400))))
                .bearerAuth(analyst),
            List.class));
    for (int q = 1; q <= 4; q++) {
      measure("2025-T" + q, 20 + q, null);
      validate("2025-T" + q);
    }
  }

  /** The committee validates the period's figures: only validated figures are published. */
  Api.Reply<Map> validate(String period) {
    return expect(
        200,
        post(
            "/api/indicators/" + indicator + "/periods/" + period + "/validation",
            Map.of(),
            committee));
  }

  void measure(String period, int value, String reason) {
    String uri =
        "/api/measurements"
            + (reason == null
                ? ""
                : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
    var reply =
        api.call(
            HttpRequest.POST(
                    uri,
                    List.of(
                        Map.of(
                            "indicator",
                            indicator,
                            "period",
                            period,
                            "territory",
                            "LCH",
                            "value",
                            value,
                            "status",
                            "VALIDATED")))
                .bearerAuth(analyst),
            Map.class);
    assertThat(reply.status()).as("%s %s", reply.body(), reply.problem()).isEqualTo(200);
  }

  Api.Reply<Map> post(String uri, Object body, String token) {
    var request = HttpRequest.POST(uri, body);
    return api.call(token == null ? request : request.bearerAuth(token), Map.class);
  }

  static <T> Api.Reply<T> expect(int status, Api.Reply<T> reply) {
    assertThat(reply.status()).as("%s %s", reply.body(), reply.problem()).isEqualTo(status);
    return reply;
  }

  Api.Reply<byte[]> download(String path, String token) {
    var request = HttpRequest.GET("/api/reports/" + path);
    return api.call(token == null ? request : request.bearerAuth(token), byte[].class);
  }
}
