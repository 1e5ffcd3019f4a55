package org.atalaya.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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

  private EmbeddedPostgres original;
  private EmbeddedPostgres restored;
  private ApplicationContext first;
  private ApplicationContext second;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopEverything() throws Exception {
    writer.shutdownNow();
    for (AutoCloseable c : new AutoCloseable[] {first, second, original, restored}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aBackupTakenWhileMeasurementsArriveRestoresToTheSameAnswersAndAuditTrail() throws Exception {
    Path data = dir.resolve("pg");
    original = EmbeddedDatabase.startServer(data, 0);
    createDatabase(original);
    first = service(original, true);
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
    Path archive = dir.resolve("copias").resolve(Backups.archiveName(java.time.Instant.now()));
    long started = System.nanoTime();
    Manifest manifest =
        EmbeddedBackup.run(
            db -> original.getDatabase("postgres", db).getConnection(),
            data,
            EmbeddedDatabase.DATABASE,
            archive);
    double seconds = (System.nanoTime() - started) / 1e9;
    int atStop = acknowledged.get();
    running.set(false);
    uploads.get(30, TimeUnit.SECONDS);
    System.out.printf(
        "Backup of the demo: %.1f MB in %.1f s, %d files, %d measurements arrived meanwhile%n",
        Files.size(archive) / 1e6, seconds, manifest.files().size(), atStop - atStart);
    assertThat(atStop).as("writes went on during the backup").isGreaterThan(atStart);
    assertThat(count(original, "SELECT count(*) FROM audit_log WHERE id > " + auditBefore))
        .as("one audit row per measurement request on the original")
        .isEqualTo(measurements(original));

    Path target = dir.resolve("restaurada");
    Restore.embedded(archive, target, false);
    restored = EmbeddedDatabase.startServer(target, 0);
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

    second = service(restored, false);
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

  private static ApplicationContext service(EmbeddedPostgres pg, boolean demo) {
    ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url",
                pg.getJdbcUrl("postgres", EmbeddedDatabase.DATABASE),
                "datasources.default.username",
                "postgres",
                "datasources.default.password",
                "",
                "atalaya.demo",
                demo),
            "test");
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  private static Api api(ApplicationContext context) {
    return new Api(HttpClient.create(context.getBean(EmbeddedServer.class).getURL()));
  }

  private static void createDatabase(EmbeddedPostgres pg) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE atalaya ENCODING 'UTF8' TEMPLATE template0");
    }
  }

  private static long measurements(EmbeddedPostgres pg) throws SQLException {
    return count(
        pg,
        "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id"
            + " WHERE i.code = '"
            + INDICATOR
            + "'");
  }

  private static long count(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = pg.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection();
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
