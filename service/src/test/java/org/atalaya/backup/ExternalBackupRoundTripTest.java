package org.atalaya.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atalaya.shared.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external path for real: the suite's own database (an external PostgreSQL or TimescaleDB given
 * by {@code ATALAYA_TEST_JDBC_URL}) dumped by the server's pg_dump and restored by its pg_restore
 * into a new, empty database on the same server, which then holds the same record. Without that
 * variable, or without a pg_dump of the server's version, it is skipped.
 */
@MicronautTest(environments = "test")
@EnabledIfEnvironmentVariable(named = "ATALAYA_TEST_JDBC_URL", matches = ".+")
class ExternalBackupRoundTripTest {
  /** What must come back the same: the figures, the microdata, the audit trail, the reports. */
  private static final Map<String, String> RECORD = new LinkedHashMap<>();

  static {
    RECORD.put("schema", "SELECT max(version) FROM flyway_schema_history WHERE success");
    RECORD.put(
        "measurements",
        "SELECT count(*) || ' ' || coalesce(sum(value), 0) || ' ' || coalesce(max(revision), 0)"
            + " FROM measurement");
    RECORD.put("revisions", "SELECT count(*) FROM measurement_revision");
    RECORD.put("respondents", "SELECT count(*) FROM survey_respondent");
    RECORD.put("audit", "SELECT count(*) || ' ' || coalesce(max(id), 0) FROM audit_log");
    RECORD.put(
        "lastAudit",
        "SELECT coalesce(max(id || ' ' || actor || ' ' || entity_key), '') FROM audit_log"
            + " WHERE id = (SELECT max(id) FROM audit_log)");
    RECORD.put(
        "reports",
        "SELECT coalesce(string_agg(plan_code || '/' || period || '/' || version || '='"
            + " || coalesce(content_hash, '-'), ' ' ORDER BY id), '') FROM report");
    RECORD.put(
        "reportFiles",
        "SELECT coalesce(string_agg(sha256 || ':' || encode(sha256(content), 'hex'), ' '"
            + " ORDER BY report_id, name), '') FROM report_file");
  }

  @Inject
  @Named("default")
  DatasourceConfiguration datasource;

  @TempDir Path dir;

  @Test
  void pgDumpAndPgRestoreOfTheServersVersionBringBackTheSameRecord() throws Exception {
    String url = datasource.getUrl();
    String user = datasource.getUsername();
    String password = datasource.getPassword();
    Path archive = dir.resolve(Backups.archiveName(Instant.now()));
    try {
      DumpBackup.run(url, user, password, archive);
    } catch (BackupException e) {
      Assumptions.assumeTrue(
          !e.key().equals("backup.external.noTool"), e.message(Messages.DEFAULT));
      throw e;
    }
    Map<String, String> before = record(url, user, password);

    String database = "atalaya_restore_" + System.nanoTime();
    String target = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    sql(url, user, password, "CREATE DATABASE " + database);
    try {
      DumpBackup.restore(archive, target, user, password, false);

      assertThat(record(target, user, password)).isEqualTo(before);
      BackupException refused =
          catchThrowableOfType(
              () -> DumpBackup.restore(archive, target, user, password, false),
              BackupException.class);
      assertThat(refused.message(Messages.DEFAULT))
          .contains("ya tiene tablas")
          .contains("No se restauró nada.");
      assertThat(record(target, user, password)).as("untouched by the refusal").isEqualTo(before);
    } finally {
      sql(url, user, password, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static Map<String, String> record(String url, String user, String password)
      throws Exception {
    Map<String, String> record = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      for (var e : RECORD.entrySet()) {
        try (var s = c.createStatement();
            var r = s.executeQuery(e.getValue())) {
          r.next();
          record.put(e.getKey(), r.getString(1));
        }
      }
    }
    return record;
  }

  private static void sql(String url, String user, String password, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
