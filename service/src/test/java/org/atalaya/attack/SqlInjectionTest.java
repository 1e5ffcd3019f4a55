package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL injection strings in every filter and every upload field: each request is answered (found,
 * not found, or refused naming the field) without a server error, and no table loses or gains a row
 * because of what the strings say.
 */
@MicronautTest(environments = "test")
class SqlInjectionTest {
  static final List<String> PAYLOADS =
      List.of(
          "' OR '1'='1",
          "x'; DROP TABLE measurement; --",
          "1; DELETE FROM app_user",
          "%' OR 1=1 --",
          "'); TRUNCATE audit_log; --",
          "\\'; SELECT pg_sleep(5); --");

  static final List<String> TABLES =
      List.of("measurement", "indicator", "territory", "app_user", "plan", "survey", "institution");

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String analyst;
  String indicator;

  @BeforeEach
  void signIn() {
    api = new Api(client);
    admin = api.adminToken();
    analyst = api.analystToken();
    indicator = "SQLI-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(indicator));
  }

  private static Map<String, Long> counts() throws Exception {
    TestDatabase db = TestDatabaseSession.database();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (var c = DriverManager.getConnection(db.url, db.username, db.password);
        var s = c.createStatement()) {
      for (String table : TABLES) {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static String uri(String path, Map<String, String> query) {
    var builder = UriBuilder.of(path);
    query.forEach(builder::queryParam);
    return builder.toString();
  }

  /** Every filter of the read API, each given the payload. */
  private List<MutableHttpRequest<?>> reads(String p) {
    List<MutableHttpRequest<?>> reads = new ArrayList<>();
    for (String field : List.of("entity", "key", "actor", "action", "from", "to")) {
      reads.add(HttpRequest.GET(uri("/api/audit", Map.of(field, p))).bearerAuth(admin));
    }
    String base = "/api/indicators/" + indicator;
    for (String field : List.of("territory", "source", "sex", "from", "to")) {
      reads.add(HttpRequest.GET(uri(base + "/series", Map.of(field, p))).bearerAuth(analyst));
    }
    for (String field : List.of("period", "territory", "ageGroup", "source")) {
      Map<String, String> q = new LinkedHashMap<>(Map.of("period", "2025-01"));
      q.put(field, p);
      reads.add(HttpRequest.GET(uri(base + "/history", q)).bearerAuth(analyst));
    }
    reads.add(
        HttpRequest.GET(uri(base + "/targets/applicable", Map.of("sex", "F", "territory", p)))
            .bearerAuth(analyst));
    String survey = "/api/surveys/LCH-PERCEPCION/waves/2024/estimates";
    for (String field : List.of("item", "kind", "value", "by", "filter", "weight")) {
      Map<String, String> q = new LinkedHashMap<>(Map.of("item", "inseguro"));
      q.put(field, p);
      reads.add(HttpRequest.GET(uri(survey, q)).bearerAuth(analyst));
    }
    for (String path :
        List.of(
            "/api/plans/",
            "/api/territories/",
            "/api/institutions/",
            "/api/indicators/",
            "/api/surveys/",
            "/api/progress/indicators/",
            "/api/plans/LCH-PISCC-2025/actions/")) {
      String segment = URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20");
      reads.add(HttpRequest.GET(path + segment).bearerAuth(analyst));
    }
    return reads;
  }

  /** Every field of an upload (query parameters and cells), each given the payload. */
  private List<MutableHttpRequest<?>> uploads(String p) {
    List<MutableHttpRequest<?>> uploads = new ArrayList<>();
    String header = "indicador,periodo,sexo,territorio,valor,fuente,estado\n";
    String good = indicator + ",2025-01,F,LCH-02,5,,\n";
    for (String field : List.of("file", "sheet", "reason", "format")) {
      Map<String, String> q = new LinkedHashMap<>(Map.of("file", "x.csv"));
      q.put(field, p);
      uploads.add(
          HttpRequest.POST(uri("/api/measurements/upload", q), header + good)
              .contentType("text/csv"));
    }
    String quoted = "\"" + p.replace("\"", "\"\"") + "\"";
    List<String> cells = List.of(indicator, "2025-01", "F", "LCH-02", "5", "", "");
    for (int i = 0; i < cells.size(); i++) {
      List<String> row = new ArrayList<>(cells);
      row.set(i, quoted);
      uploads.add(
          HttpRequest.POST(
                  "/api/measurements/upload?file=celdas.csv", header + String.join(",", row) + "\n")
              .contentType("text/csv"));
    }
    uploads.add(
        HttpRequest.POST(
                "/api/territories/population/import?file=censo.csv",
                "territorio,anio,hombres,mujeres\n" + quoted + ",2023,1," + quoted + "\n")
            .contentType("text/csv"));
    uploads.add(
        HttpRequest.POST(
            "/api/measurements",
            List.of(Map.of("indicator", p, "period", p, "sex", "F", "territory", p, "value", 1))));
    uploads.forEach(u -> u.bearerAuth(analyst));
    return uploads;
  }

  @Test
  void injectionStringsChangeNothingAndNeverCauseA500() throws Exception {
    // The uploads that carry only a payload label (file, reason) store their one good row; after a
    // first round, the same rows are "unchanged" and no table moves.
    for (var request : uploads("warm-up")) {
      api.call(request, String.class);
    }
    Map<String, Long> before = counts();
    List<String> errors = new ArrayList<>();

    for (String p : PAYLOADS) {
      for (var request : reads(p)) {
        check(request, errors);
      }
      for (var request : uploads(p)) {
        check(request, errors);
      }
    }

    assertThat(errors).as("server errors:%n%s", String.join("\n", errors)).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  private void check(MutableHttpRequest<?> request, List<String> errors) {
    long start = System.nanoTime();
    int status = api.call(request, String.class).status();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (status >= 500 || millis > 4000) {
      errors.add(
          request.getMethod() + " " + request.getUri() + " -> " + status + " in " + millis + " ms");
    }
  }

  @Test
  void aReasonThatLooksLikeSqlIsKeptAsText() {
    String reason = "x'); DELETE FROM audit_log; --";
    var reply =
        api.call(
            HttpRequest.POST(
                    uri(
                        "/api/measurements/upload",
                        Map.of("file", "motivo-" + indicator + ".csv", "reason", reason)),
                    "indicador,periodo,sexo,territorio,valor\n"
                        + indicator
                        + ",2025-02,F,LCH-02,7\n")
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    var audit =
        api.call(
            HttpRequest.GET(
                    uri(
                        "/api/audit",
                        Map.of("entity", "measurement", "key", "motivo-" + indicator + ".csv")))
                .bearerAuth(admin),
            Map.class);

    assertThat(reply.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    var entries = (List<Map<String, Object>>) audit.value().get("entries");
    assertThat(entries)
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("reason", reason));
  }
}
