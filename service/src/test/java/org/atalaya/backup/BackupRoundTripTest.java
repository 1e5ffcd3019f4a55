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
          "/api/progress/indicators/HOM-TASA/gaps",
          // A survey estimate re-computed from the restored microdata, one item by sex.
          "/api/surveys/LCH-PERCEPCION/waves/2025/estimates?item=inseguro&by=sex",
          // The published report: its content hash and every frozen file's SHA-256.
          "/api/reports/LCH-PISCC-2025/2025/1");

  /** Each upload is one request of this many rows: a restored upload is whole or absent. */
  private static final int ROWS_PER_UPLOAD = 6;

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
    String admin = api.adminToken();
    publishTheDemoReport(api, admin);
    Map<String, String> before = answers(api, analyst);
    byte[] reportFile = reportFile(api);
    aBackupOnAFullDiskLeavesNothingAndTheServiceGoesOn(first.getBean(BackupService.class));
    long auditBefore = count(original, "SELECT coalesce(max(id), 0) FROM audit_log");

    // Measurements keep arriving, one request each, during the whole backup.
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger acknowledged = new AtomicInteger();
    Future<?> uploads =
        writer.submit(
            () -> {
              YearMonth month = YearMonth.of(2000, 1);
              while (running.get()) {
                var reply =
                    api.call(
                        HttpRequest.POST("/api/measurements", upload(month, acknowledged.get() + 1))
                            .bearerAuth(analyst),
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
        "Backup of the demo: %.1f MB in %.1f s, %d uploads arrived meanwhile%n",
        Files.size(archive) / 1e6, seconds, atStop - atStart);
    assertThat(api.get("/health", String.class).value())
        .contains("\"backup\"")
        .contains("\"lastGood\":\"" + Backups.takenAt(archive).orElseThrow());
    assertThat(atStop).as("writes went on during the backup").isGreaterThan(atStart);
    assertThat(count(original, "SELECT count(*) FROM audit_log WHERE id > " + auditBefore))
        .as("one audit row per upload on the original")
        .isEqualTo(measurements(original) / ROWS_PER_UPLOAD);

    Path target = dir.resolve("restaurada");
    Restore.embedded(archive, target, false);
    second = service(target, false);
    String restored = second.getBean(EmbeddedDatabase.class).start();
    long restoredUploads = measurements(restored) / ROWS_PER_UPLOAD;
    assertThat(restoredUploads)
        .as("every upload acknowledged before the backup started is there")
        .isBetween((long) atStart, (long) atStop + 1);
    assertThat(
            count(
                restored,
                "SELECT count(*) FROM (SELECT value FROM measurement m JOIN indicator i"
                    + " ON i.id = m.indicator_id WHERE i.code = '"
                    + INDICATOR
                    + "' GROUP BY value HAVING count(*) <> "
                    + ROWS_PER_UPLOAD
                    + ") torn"))
        .as("no upload restored in part")
        .isZero();
    assertThat(count(restored, "SELECT count(*) FROM audit_log WHERE id <= " + auditBefore))
        .as("the audit trail up to the backup")
        .isEqualTo(count(original, "SELECT count(*) FROM audit_log WHERE id <= " + auditBefore));
    assertThat(count(restored, "SELECT count(*) FROM audit_log WHERE id > " + auditBefore))
        .as("each restored upload with its audit row")
        .isEqualTo(restoredUploads);
    String last = text(restored, "SELECT max(id) FROM audit_log");
    assertThat(count(restored, "SELECT count(*) FROM audit_log"))
        .as("the restored audit trail has no gap")
        .isEqualTo(count(original, "SELECT count(*) FROM audit_log WHERE id <= " + last));
    String lastEntry =
        "SELECT id || ' ' || at || ' ' || actor || ' ' || action || ' ' || entity_key || ' '"
            + " || coalesce(after_json::text, '') FROM audit_log WHERE id = "
            + last;
    assertThat(text(restored, lastEntry))
        .as("the restored trail's last entry, as the original has it")
        .isEqualTo(text(original, lastEntry));

    Api restoredApi = api(second);
    assertThat(answers(restoredApi, restoredApi.analystToken())).isEqualTo(before);
    assertThat(reportFile(restoredApi))
        .as("a frozen report file, byte for byte")
        .isEqualTo(reportFile);
  }

  /**
   * Six rows of one month (women and men in three corregimientos), all with the upload's number.
   */
  private static List<Map<String, Object>> upload(YearMonth month, int number) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (String territory : List.of("LCH-01", "LCH-02", "LCH-03")) {
      for (String sex : List.of("F", "M")) {
        rows.add(
            Map.of(
                "indicator", INDICATOR,
                "period", month.toString(),
                "sex", sex,
                "territory", territory,
                "value", number));
      }
    }
    return rows;
  }

  private static void publishTheDemoReport(Api api, String admin) {
    var draft =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", "LCH-PISCC-2025", "period", "2025"))
                .bearerAuth(admin),
            Map.class);
    assertThat(draft.status()).as("%s", draft.body()).isEqualTo(201);
    var published =
        api.call(
            HttpRequest.POST("/api/reports/LCH-PISCC-2025/2025/1/publish", Map.of())
                .bearerAuth(admin),
            Map.class);
    assertThat(published.status()).as("%s", published.body()).isEqualTo(200);
  }

  private static byte[] reportFile(Api api) {
    var file =
        api.call(HttpRequest.GET("/api/reports/LCH-PISCC-2025/2025/1/datos.csv"), byte[].class);
    assertThat(file.status()).isEqualTo(200);
    return file.value();
  }

  /**
   * A disk that fills during the backup: the archive's partial file is /dev/full, where every write
   * fails with "no space left on device", as on a full disk. The backup says so in Spanish, leaves
   * no file behind, and the service goes on answering (the real backup below is taken after it).
   */
  private void aBackupOnAFullDiskLeavesNothingAndTheServiceGoesOn(BackupService backups)
      throws Exception {
    Path full = Path.of("/dev/full");
    if (!Files.exists(full)) {
      return; // not Linux: the size-limited case is left to the platforms that have it
    }
    Path folder = Files.createDirectories(dir.resolve("copias"));
    java.time.Instant now = java.time.Instant.now();
    for (int s = 0; s < 120; s++) {
      Path archive = folder.resolve(Backups.archiveName(now.plusSeconds(s)));
      Files.createSymbolicLink(archive.resolveSibling(archive.getFileName() + ".part"), full);
    }
    BackupException refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            backups::backupNow, BackupException.class);
    try (var left = Files.list(folder)) {
      left.filter(Files::isSymbolicLink).forEach(p -> p.toFile().delete());
    }
    assertThat(refused).as("the backup on a full disk fails").isNotNull();
    assertThat(refused.message(org.atalaya.shared.Messages.DEFAULT))
        .contains("No queda espacio en el disco")
        .contains("no quedó ningún archivo a medias");
    try (var left = Files.list(folder)) {
      assertThat(left).as("nothing that looks like a backup").isEmpty();
    }
    assertThat(backups.lastGood()).isEmpty();
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

  /** Publishing renders the report's PDFs: on a busy two-core machine that takes minutes. */
  private static Api api(ApplicationContext context) {
    var config = new io.micronaut.http.client.DefaultHttpClientConfiguration();
    config.setReadTimeout(java.time.Duration.ofMinutes(5));
    return new Api(HttpClient.create(context.getBean(EmbeddedServer.class).getURL(), config));
  }

  private static long measurements(String jdbcUrl) throws SQLException {
    return count(
        jdbcUrl,
        "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id"
            + " WHERE i.code = '"
            + INDICATOR
            + "'");
  }

  private static String text(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
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
