package org.atalaya.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Execution of a card: what an analyst records (activities, money per quarter) is what the card's
 * page and the API say, with the same percentages; what breaks a rule is refused beside its field
 * and nothing is stored; a change made meanwhile by someone else is never overwritten.
 */
@MicronautTest(environments = "test")
// The report annex test drafts a whole report: past the client's default 10 s on a loaded CI.
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ExecutionTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedServer server;

  Api api;
  String analyst;
  String plan;
  String base;

  @BeforeEach
  void planWithOneCard() {
    api = new Api(client);
    analyst = api.analystToken();
    plan = "EX-" + UUID.randomUUID().toString().substring(0, 8);
    api.call(
        HttpRequest.POST(
                "/api/plans",
                Map.of(
                    "code", plan,
                    "name", "Plan de ejecución",
                    "territory", "LCH",
                    "periodStart", "2025-01-01",
                    "periodEnd", "2027-12-31"))
            .bearerAuth(analyst),
        Map.class);
    Map<String, Object> card = new HashMap<>();
    card.put("code", "LUZ-1");
    card.put("title", "Iluminación de calles");
    card.put("problem", "Calles oscuras");
    card.put("generalObjective", "Iluminar");
    card.put("budget", Map.of("amount", 10000, "currency", "USD"));
    card.put("schedule", Map.of("start", "2025-01-01", "end", "2026-12-31"));
    var created =
        api.call(
            HttpRequest.POST("/api/plans/" + plan + "/axes/PREV/actions", card).bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
    base = "/api/plans/" + plan + "/actions/LUZ-1/execution";
  }

  @Test
  void whatIsRecordedIsWhatTheApiCountsAsPhysicalAndFinancialProgress() {
    LocalDate yesterday = LocalDate.now(org.atalaya.shared.Dates.ZONE).minusDays(1);
    add(activity("Diagnóstico de puntos oscuros", "DONE", "2025-01-10", yesterday.toString()));
    add(activity("Instalación de luminarias", "IN_PROGRESS", "2025-03-01", null));
    add(activity("Mantenimiento", "PLANNED", null, null));
    add(activity("Campaña descartada", "CANCELLED", null, null));
    budget("2025-T1", "Presupuesto municipal", "3000", "2500.50");
    budget("2025-T2", "Presupuesto municipal", "1000", "500");

    Map<?, ?> summary = (Map<?, ?>) read().get("summary");
    // One done of three that count (the cancelled one does not); 3000.50 spent of 10000.
    assertThat(((Number) summary.get("physical")).doubleValue()).isEqualTo(1.0 / 3.0);
    assertThat(((Number) summary.get("financial")).doubleValue()).isEqualTo(0.30005);
    assertThat(new BigDecimal(summary.get("executed").toString())).isEqualByComparingTo("3000.50");
    assertThat(new BigDecimal(summary.get("committed").toString())).isEqualByComparingTo("4000");
    assertThat(summary.get("cancelled")).isEqualTo(1);
  }

  @Test
  void theReportsAnnexShowsPhysicalAndFinancialProgressOfTheCard() {
    add(activity("Diagnóstico de puntos oscuros", "DONE", "2025-01-10", "2025-02-10"));
    add(activity("Instalación de luminarias", "IN_PROGRESS", "2025-03-01", null));
    add(activity("Campaña descartada", "CANCELLED", null, null));
    budget("2025-T1", "Presupuesto municipal", "3000", "2500");
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", plan, "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
    var html =
        api.call(
            HttpRequest.GET("/api/reports/" + plan + "/2025/1/informe-es.html").bearerAuth(analyst),
            byte[].class);
    String page = new String(html.value(), java.nio.charset.StandardCharsets.UTF_8);
    int annex = page.indexOf("id=\"ejecucion\"");
    assertThat(annex).isPositive();
    String section = page.substring(annex, page.indexOf("</section>", annex));
    // One done of the two that count; 2500 spent of 10000.
    assertThat(section)
        .contains("Ejecución de las fichas y proyectos")
        .contains("Ficha LUZ-1")
        .contains("Iluminación de calles")
        .contains("1 de 2 hechas")
        .containsPattern("50[.,]0[\\s\\u00a0]?%")
        .containsPattern("25[.,]0[\\s\\u00a0]?%")
        .containsPattern("2[.,]500[.,]00 USD");
    // The PDF is made from the same page as XHTML: the annex must not break it.
    var pdf =
        api.call(
            HttpRequest.GET("/api/reports/" + plan + "/2025/1/informe-es.pdf").bearerAuth(analyst),
            byte[].class);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(new String(pdf.value(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @Test
  void atACutOffWhatWasDoneOrSpentLaterDoesNotCountYet() {
    add(activity("Diagnóstico de puntos oscuros", "DONE", "2025-01-10", "2025-02-10"));
    add(activity("Instalación de luminarias", "DONE", "2025-03-01", "2026-02-09"));
    add(activity("Mantenimiento", "IN_PROGRESS", "2026-01-15", null));
    budget("2025-T4", "Presupuesto municipal", "3000", "2000");
    budget("2026-T1", "Presupuesto municipal", "3000", "3000");

    Map<?, ?> then =
        api.call(HttpRequest.GET(base + "?asOf=2025-12-31").bearerAuth(analyst), Map.class).value();
    Map<?, ?> summary = (Map<?, ?>) then.get("summary");
    assertThat(summary.get("asOf")).isEqualTo("2025-12-31");
    // At the end of 2025 one of three was done and one under way; 2,000 of 10,000 spent.
    assertThat(summary.get("done")).isEqualTo(1);
    assertThat(summary.get("inProgress")).isEqualTo(1);
    assertThat(new BigDecimal(summary.get("executed").toString())).isEqualByComparingTo("2000");
    assertThat(((List<?>) then.get("budgetLines"))).hasSize(1);

    Map<?, ?> now = (Map<?, ?>) read().get("summary");
    assertThat(now.get("done")).isEqualTo(2);
    assertThat(new BigDecimal(now.get("executed").toString())).isEqualByComparingTo("5000");

    // The 2025 report reads the card at its own cut-off.
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", plan, "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isEqualTo(201);
    String page =
        new String(
            api.call(
                    HttpRequest.GET("/api/reports/" + plan + "/2025/1/informe-es.html")
                        .bearerAuth(analyst),
                    byte[].class)
                .value(),
            java.nio.charset.StandardCharsets.UTF_8);
    int annex = page.indexOf("id=\"ejecucion\"");
    String section = page.substring(annex, page.indexOf("</section>", annex));
    assertThat(section).contains("1 de 3 hechas").containsPattern("2[.,]000[.,]00 USD");
  }

  @Test
  void aDoneActivityWithoutItsEndIsRefusedBesideTheFieldInSpanishAndNothingIsStored() {
    var refused =
        api.call(
            HttpRequest.POST(base + "/activities", activity("Obra", "DONE", "2025-02-01", null))
                .bearerAuth(analyst)
                .header("Accept-Language", "es-PA"),
            Map.class);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().errors())
        .anySatisfy(
            v -> {
              assertThat(v.field()).isEqualTo("actualEnd");
              assertThat(v.message())
                  .isEqualTo("una actividad realizada necesita su fecha real de fin");
            });
    assertThat((List<?>) read().get("activities")).isEmpty();
  }

  @Test
  void moneySpentBeyondWhatWasCommittedOrOutsideThePlanIsRefused() {
    var over = budgetCall("2025-T1", "Municipal", "100", "100.01");
    var outside = budgetCall("2029-T1", "Municipal", "100", "50");
    var notQuarter = budgetCall("2025-13", "Municipal", "100", "50");

    assertThat(over.status()).isEqualTo(422);
    assertThat(over.error().errors()).extracting("field").containsExactly("executed");
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.error().errors().get(0).message())
        .contains("el 1.er trimestre de 2029 cae fuera del periodo del plan");
    assertThat(notQuarter.status()).isEqualTo(422);
    assertThat((List<?>) read().get("budgetLines")).isEmpty();
  }

  @Test
  void aChangeMadeMeanwhileBySomeoneElseIsRefusedNotOverwritten() {
    Map<?, ?> first = add(activity("Obra", "PLANNED", null, null));
    long id = ((Number) first.get("id")).longValue();
    Map<String, Object> mine = activity("Obra (versión de Ana)", "IN_PROGRESS", "2025-02-01", null);
    mine.put("version", 0);
    Map<String, Object> theirs = activity("Obra (versión de Luis)", "PLANNED", null, null);
    theirs.put("version", 0);

    var luis =
        api.call(
            HttpRequest.PUT(base + "/activities/" + id, theirs).bearerAuth(analyst), Map.class);
    var ana =
        api.call(HttpRequest.PUT(base + "/activities/" + id, mine).bearerAuth(analyst), Map.class);

    assertThat(luis.status()).isEqualTo(200);
    assertThat(ana.status()).isEqualTo(409);
    assertThat(ana.error().errors().get(0).message()).contains("otra persona");
    List<?> activities = (List<?>) read().get("activities");
    assertThat(((Map<?, ?>) activities.get(0)).get("name")).isEqualTo("Obra (versión de Luis)");
  }

  @Test
  void onlyAnalystsAndAdministratorsRecordExecution() {
    var anonymous =
        api.call(
            HttpRequest.POST(base + "/activities", activity("X", "PLANNED", null, null)),
            Map.class);
    var committee =
        api.call(
            HttpRequest.POST(base + "/activities", activity("X", "PLANNED", null, null))
                .bearerAuth(api.committeeToken()),
            Map.class);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(committee.status()).isEqualTo(403);
  }

  @Test
  void theCardPageShowsTheSamePercentagesAsTheApiAndTheFormKeepsWhatWasTyped() {
    add(activity("Diagnóstico", "DONE", "2025-01-10", "2025-02-10"));
    add(activity("Obras", "IN_PROGRESS", "2025-03-01", null));
    budget("2025-T1", "Presupuesto municipal", "2000", "1234.50");
    Browser browser = new Browser(server.getURI());
    browser.login("test-analyst", Api.STAFF_PASSWORD);

    String card = browser.get("/planes/" + plan + "/fichas/LUZ-1").body();
    // 1 of 2 done → 50.0 %; 1234.50 of 10000 → 12.3 % (es-PA writes them so).
    assertThat(card)
        .contains("Avance físico")
        .contains("50.0\u00a0%")
        .contains("Avance financiero")
        .contains("12.3\u00a0%");
    assertThat(card).contains("1 de 2 actividades realizadas");
    // The gauges are drawn to the same figures (as attributes: the site allows no inline style).
    assertThat(card).contains("height=\"6\" width=\"50\"").contains("height=\"6\" width=\"12\"");

    String edit = browser.get("/planes/" + plan + "/fichas/LUZ-1/ejecucion").body();
    var refused =
        browser.post(
            "/planes/" + plan + "/fichas/LUZ-1/ejecucion/actividades",
            Map.of(
                "_csrf",
                Browser.csrf(edit),
                "name",
                "Entrega de obras",
                "state",
                "DONE",
                "actualStart",
                "2025-04-01"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("una actividad realizada necesita su fecha real de fin")
        .contains("value=\"Entrega de obras\"");

    var saved =
        browser.post(
            "/planes/" + plan + "/fichas/LUZ-1/ejecucion/actividades",
            Map.of(
                "_csrf",
                Browser.csrf(edit),
                "name",
                "Entrega de obras",
                "state",
                "DONE",
                "actualStart",
                "2025-04-01",
                "actualEnd",
                "2025-05-01"));
    assertThat(saved.statusCode()).isEqualTo(303); // post/redirect/get: a reload posts nothing
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).doesNotContain("_csrf");
    assertThat(browser.get(location).body())
        .contains("Cambios guardados")
        .contains("2 de 3 actividades realizadas");
  }

  private Map<?, ?> read() {
    return api.call(HttpRequest.GET(base).bearerAuth(analyst), Map.class).value();
  }

  private Map<?, ?> add(Map<String, Object> activity) {
    var r =
        api.call(HttpRequest.POST(base + "/activities", activity).bearerAuth(analyst), Map.class);
    assertThat(r.status()).as(String.valueOf(r.problem())).isEqualTo(201);
    return r.value();
  }

  private void budget(String period, String source, String committed, String executed) {
    var r = budgetCall(period, source, committed, executed);
    assertThat(r.status()).as(String.valueOf(r.problem())).isEqualTo(200);
  }

  private Api.Reply<Map> budgetCall(
      String period, String source, String committed, String executed) {
    return api.call(
        HttpRequest.PUT(
                base + "/budget",
                Map.of(
                    "period",
                    period,
                    "fundingSource",
                    source,
                    "committed",
                    new BigDecimal(committed),
                    "executed",
                    new BigDecimal(executed)))
            .bearerAuth(analyst)
            .header("Accept-Language", "es-PA"),
        Map.class);
  }

  private static Map<String, Object> activity(String name, String state, String start, String end) {
    Map<String, Object> a = new HashMap<>();
    a.put("name", name);
    a.put("state", state);
    if (start != null) {
      a.put("actualStart", start);
    }
    if (end != null) {
      a.put("actualEnd", end);
    }
    return a;
  }
}
