package org.atalaya.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs the real migrations on both database flavours the service supports: TimescaleDB (the image
 * docker-compose uses), where measurements become a compressed hypertable and audit_log stays a
 * plain table, and plain PostgreSQL, where the same migrations must leave an ordinary table. Needs
 * Docker; skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class TimescaleMigrationTest {
  /** Keep in step with docker-compose.yml. */
  static final String TIMESCALE_IMAGE = "timescale/timescaledb:2.28.3-pg16";

  static final String POSTGRES_IMAGE = "postgres:16";

  @Container
  static final PostgreSQLContainer<?> TIMESCALE =
      new PostgreSQLContainer<>(
              DockerImageName.parse(TIMESCALE_IMAGE).asCompatibleSubstituteFor("postgres"))
          .withEnv("TIMESCALEDB_TELEMETRY", "off");

  @Container
  static final PostgreSQLContainer<?> POSTGRES =
      new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));

  /** Audit rows months apart, so that they land in several 30-day chunks. */
  private static final List<OffsetDateTime> AUDIT_TIMES =
      List.of(
          OffsetDateTime.of(2024, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC),
          OffsetDateTime.of(2024, 3, 20, 11, 30, 0, 0, ZoneOffset.UTC),
          OffsetDateTime.of(2024, 6, 5, 8, 15, 0, 0, ZoneOffset.UTC),
          OffsetDateTime.of(2024, 9, 30, 23, 59, 0, 0, ZoneOffset.UTC),
          OffsetDateTime.of(2024, 12, 24, 12, 0, 0, 0, ZoneOffset.UTC));

  @Test
  void migrationsMakeMeasurementsAHypertableAndKeepTheAuditTrailPlainOnTimescaleDb()
      throws SQLException {
    MigrateResult first = migrate(TIMESCALE);
    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isPositive();

    try (Connection c = connect(TIMESCALE)) {
      assertThat(scalar(c, "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'"))
          .isEqualTo(1L);
      assertThat(scalar(c, "SELECT atalaya_timescale_enabled()")).isEqualTo(true);

      assertThat(
              scalar(
                  c,
                  "SELECT count(*) FROM timescaledb_information.hypertables"
                      + " WHERE hypertable_name = 'audit_log'"))
          .as("the audit trail has no chunks that drop_chunks could remove (V061)")
          .isEqualTo(0L);
      assertThat(scalar(c, "SELECT relkind::text FROM pg_class WHERE oid = 'audit_log'::regclass"))
          .isEqualTo("r");
      assertThat(
              scalar(
                  c,
                  "SELECT count(*) FROM timescaledb_information.hypertables"
                      + " WHERE hypertable_name = 'measurement' AND compression_enabled"))
          .as("measurements are a compressed hypertable on the period")
          .isEqualTo(1L);

      insertAuditRows(c);
      assertThat(scalar(c, "SELECT count(*) FROM audit_log")).isEqualTo((long) AUDIT_TIMES.size());
      AuditGrants.assertTheServiceRoleCannotShortenTheTrail(c, AUDIT_TIMES.size());
      assertThat(scalar(c, "SELECT count(*) FROM audit_log")).isEqualTo((long) AUDIT_TIMES.size());
    }

    MigrateResult second = migrate(TIMESCALE);
    assertThat(second.success).isTrue();
    assertThat(second.migrationsExecuted).isZero();
  }

  @Test
  void sameMigrationsLeaveAnOrdinaryTableOnPlainPostgres() throws SQLException {
    MigrateResult first = migrate(POSTGRES);
    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isPositive();

    try (Connection c = connect(POSTGRES)) {
      assertThat(scalar(c, "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'"))
          .isEqualTo(0L);
      assertThat(scalar(c, "SELECT atalaya_timescale_enabled()")).isEqualTo(false);
      // 'r' is an ordinary table (not partitioned, not a view).
      assertThat(scalar(c, "SELECT relkind::text FROM pg_class WHERE oid = 'audit_log'::regclass"))
          .isEqualTo("r");
      assertThat(
              scalar(c, "SELECT relkind::text FROM pg_class WHERE oid = 'measurement'::regclass"))
          .isEqualTo("r");
      assertThat(
              scalar(
                  c,
                  "SELECT atalaya_make_hypertable("
                      + "'audit_log', 'at', INTERVAL '30 days', INTERVAL '90 days', 'entity')"))
          .isEqualTo(false);

      insertAuditRows(c);
      assertThat(scalar(c, "SELECT count(*) FROM audit_log")).isEqualTo((long) AUDIT_TIMES.size());
    }

    MigrateResult second = migrate(POSTGRES);
    assertThat(second.success).isTrue();
    assertThat(second.migrationsExecuted).isZero();
  }

  private static MigrateResult migrate(PostgreSQLContainer<?> db) {
    return Flyway.configure()
        .dataSource(db.getJdbcUrl(), db.getUsername(), db.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private static Connection connect(PostgreSQLContainer<?> db) throws SQLException {
    return DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(), db.getPassword());
  }

  private static void insertAuditRows(Connection c) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO audit_log (at, actor, action, entity, entity_key, after_json, reason)"
                + " VALUES (?, 'admin', 'UPDATE', 'plan', ?, CAST(? AS jsonb), 'test')")) {
      int i = 0;
      for (OffsetDateTime at : AUDIT_TIMES) {
        insert.setObject(1, at);
        insert.setString(2, "plan-" + i);
        insert.setString(3, "{\"version\": " + i + "}");
        insert.addBatch();
        i++;
      }
      assertThat(insert.executeBatch()).hasSize(AUDIT_TIMES.size());
    }
  }

  /** The single value of a one-row, one-column query. */
  private static Object scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from: %s", sql).isTrue();
      Object value = rs.getObject(1);
      assertThat(rs.next()).as("only one row from: %s", sql).isFalse();
      return value;
    }
  }
}
