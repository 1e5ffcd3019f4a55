package org.atalaya.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.atalaya.database.EmbeddedDatabase;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof an observatory needs: the demo plus new data, backed up while measurements keep
 * arriving, restored into a fresh directory, answers the same. This test runs its own PostgreSQL
 * servers and services, never the suite's shared database.
 */
class BackupRoundTripTest {
  private static final String INDICATOR = "BAK-DVR";
  private static final List<String> ANSWERS =
      List.of(
          "/api/progress/plans/LCH-PISCC-2025",
          "/api/progress/indicators/HOM-TASA",
          "/api/indicators/HOM-TASA/series",
          "/api/progress/indicators/HOM-TASA/gaps");

  @TempDir Path dir;

  private ApplicationContext first;
  private ApplicationContext second;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopEverything() throws Exception {
    writer.shutdownNow();
    for (AutoCloseable c : new AutoCloseable[] {first, second}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aBackupTakenWhileMeasurementsArriveRestoresToTheSameAnswersAndAuditTrail() throws Exception {
    first = service(dir.resolve("pg"), true);
    String original = first.getBean(EmbeddedDatabase.class).start();
    Api api = api(first);
    String analyst = api.analystToken();
    // Not on the plan: the plan's answers must not move while its copy is compared.
    Map<String, Object> indicator = IndicatorFixtures.domesticViolenceReports(INDICATOR);
    indicator.remove("actionCard");
    IndicatorFixtures.create(api, analyst, indicator);
    Map<String, String> before = answers(api, analyst);
    long auditBefore = count(original, "SELECT coalesce(max(id), 0) FROM audit_log");

    // Measurements keep arriving, one request each, during the whole backup.
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger acknowledged = new AtomicInteger();
    Future<?> uploads =
        writer.submit(
            () -> {
              YearMonth month = YearMonth.of(2000, 1);
              while (running.get()) {
                var row =
                    Map.of(
                        "indicator",
                        INDICATOR,
                        "period",
                        month.toString(),
                        "territory",
                        "LCH",
                        "value",
                        acknowledged.get() + 1);
                var reply =
                    api.call(
                        HttpRequest.POST("/api/measurements", List.of(row)).bearerAuth(analyst),
                        Map.class);
                assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
                acknowledged.incrementAndGet();
                month = month.plusMonths(1);
              }
              return null;
            });
    while (acknowledged.get() < 5) {
      Thread.sleep(20);
    }

    int atStart = acknowledged.get();
    long started = System.nanoTime();
    Path archive = first.getBean(BackupService.class).backupNow();
    double seconds = (System.nanoTime() - started) / 1e9;
    int atStop = acknowledged.get();
    running.set(false);
    uploads.get(30, TimeUnit.SECONDS);
    System.out.printf(
        "Backup of the demo: %.1f MB in %.1f s, %d measurements arrived meanwhile%n",
        Files.size(archive) / 1e6, seconds, atStop - atStart);
    assertThat(api.get("/health", String.class).value())
        .contains("\"backup\"")
        .contains("\"lastGood\":\"" + Backups.takenAt(archive).orElseThrow());
    assertThat(atStop).as("writes went on during the backup").isGreaterThan(atStart);
    assertThat(count(original, "SELECT count(*) FROM audit_log WHERE id > " + auditBefore))
        .as("one audit row per measurement request on the original")
        .isEqualTo(measurements(original));

    Path target = dir.resolve("restaurada");
    Restore.embedded(archive, target, false);
    second = service(target, false);
    String restored = second.getBean(EmbeddedDatabase.class).start();
    long restoredMeasurements = measurements(restored);
    assertThat(restoredMeasurements)
        .as("every measurement acknowledged before the backup started, none torn")
        .isBetween((long) atStart, (long) atStop + 1);
    assertThat(count(restored, "SELECT count(*) FROM audit_log WHERE id <= " + auditBefore))
        .as("the audit trail up to the backup")
        .isEqualTo(count(original, "SELECT count(*) FROM audit_log WHERE id <= " + auditBefore));
    assertThat(count(restored, "SELECT count(*) FROM audit_log WHERE id > " + auditBefore))
        .as("each restored measurement with its audit row")
        .isEqualTo(restoredMeasurements);

    Api restoredApi = api(second);
    assertThat(answers(restoredApi, restoredApi.analystToken())).isEqualTo(before);
  }

  private Map<String, String> answers(Api api, String token) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String uri : ANSWERS) {
      var reply = api.call(HttpRequest.GET(uri).bearerAuth(token), String.class);
      assertThat(reply.status()).as(uri).isEqualTo(200);
      answers.put(uri, reply.value());
    }
    return answers;
  }

  /** The service on its own embedded database, as an observatory runs it. */
  private ApplicationContext service(Path data, boolean demo) {
    ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url",
                "",
                "atalaya.database.embedded.data-dir",
                data.toString(),
                "atalaya.backup.dir",
                dir.resolve("copias").toString(),
                "atalaya.demo",
                demo),
            "test");
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  private static Api api(ApplicationContext context) {
    return new Api(HttpClient.create(context.getBean(EmbeddedServer.class).getURL()));
  }

  private static long measurements(String jdbcUrl) throws SQLException {
    return count(
        jdbcUrl,
        "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id"
            + " WHERE i.code = '"
            + INDICATOR
            + "'");
  }

  private static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
