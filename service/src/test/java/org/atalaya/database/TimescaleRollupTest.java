package org.atalaya.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * measurement_rollup is a continuous aggregate on TimescaleDB and a trigger-kept table on plain
 * PostgreSQL: the same writes — an upload, then a revision and a deletion — must leave the same
 * sums in both, once TimescaleDB's refresh (outside any transaction, as the service runs it) has
 * run. Needs Docker; skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class TimescaleRollupTest {
  @Container
  static final PostgreSQLContainer<?> TIMESCALE =
      new PostgreSQLContainer<>(
              DockerImageName.parse(TimescaleMigrationTest.TIMESCALE_IMAGE)
                  .asCompatibleSubstituteFor("postgres"))
          .withEnv("TIMESCALEDB_TELEMETRY", "off");

  @Container
  static final PostgreSQLContainer<?> POSTGRES =
      new PostgreSQLContainer<>(DockerImageName.parse(TimescaleMigrationTest.POSTGRES_IMAGE));

  private static final String SETUP =
      """
      INSERT INTO territory (code, name, level) VALUES ('D', 'Distrito', 'DISTRICT');
      INSERT INTO territory (code, name, level, parent_id)
        SELECT 'C' || n, 'Corregimiento ' || n, 'CORREGIMIENTO', (SELECT id FROM territory
                                                                  WHERE code = 'D')
        FROM generate_series(1, 3) n;
      INSERT INTO indicator (code, name, kind, unit, direction, frequency, accumulation, source_kind)
        VALUES ('I', 'Denuncias', 'COUNT', 'denuncias', 'DECREASE', 'MONTHLY', 'PERIODIC',
                'ADMINISTRATIVE');
      INSERT INTO indicator_source (indicator_id, code, name, official)
        SELECT id, 'S', 'Fuente', true FROM indicator WHERE code = 'I';
      INSERT INTO measurement (indicator_id, source_id, period_start, sex, territory_id, value,
                               recorded_by)
        SELECT i.id, s.id, make_date(2021 + y, m, 1), x, t.id, y * 100 + m + length(t.code), 'test'
        FROM indicator i JOIN indicator_source s ON s.indicator_id = i.id
        CROSS JOIN generate_series(0, 4) y CROSS JOIN generate_series(1, 12) m
        CROSS JOIN (VALUES ('F'), ('M'), ('_T')) sx(x)
        CROSS JOIN territory t
        WHERE i.code = 'I';
      """;

  private static final String REVISE =
      """
      UPDATE measurement SET value = value + 1000, revision = revision + 1
        WHERE period_start = DATE '2022-03-01' AND sex = 'F';
      DELETE FROM measurement WHERE period_start = DATE '2021-01-01'
        AND territory_id = (SELECT id FROM territory WHERE code = 'C2');
      """;

  private static final String READ =
      """
      SELECT period_start || ' ' || sex || ' ' || value || ' ' || cells || ' ' || validated
      FROM measurement_rollup WHERE parent_id = (SELECT id FROM territory WHERE code = 'D')
      ORDER BY period_start, sex
      """;

  @Test
  void theContinuousAggregateAndTheTriggerKeptTableHoldTheSameSums() throws SQLException {
    migrate(TIMESCALE);
    migrate(POSTGRES);
    try (Connection ts = connect(TIMESCALE);
        Connection pg = connect(POSTGRES)) {
      assertThat(
              lines(
                  ts,
                  "SELECT view_name FROM timescaledb_information.continuous_aggregates"
                      + " WHERE view_name = 'measurement_rollup'"))
          .containsExactly("measurement_rollup");
      assertThat(lines(pg, "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'measurement_rollup%'"))
          .hasSize(3);

      for (String step : List.of(SETUP, REVISE)) {
        execute(ts, step);
        execute(pg, step);
        execute(ts, "CALL refresh_continuous_aggregate('measurement_rollup', NULL, NULL)");
        List<String> fromTimescale = lines(ts, READ);
        assertThat(fromTimescale).as("60 months × 3 sex codes").hasSize(180);
        assertThat(fromTimescale).isEqualTo(lines(pg, READ));
      }
      // 2021-01, women: C1 and C3 at 0 × 100 + 1 + 2 = 3 each, C2 deleted.
      assertThat(lines(pg, READ)).contains("2021-01-01 F 6.000000 2 false");
    }
  }

  private static void migrate(PostgreSQLContainer<?> db) {
    Flyway.configure()
        .dataSource(db.getJdbcUrl(), db.getUsername(), db.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private static Connection connect(PostgreSQLContainer<?> db) throws SQLException {
    Connection c = DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(), db.getPassword());
    c.setAutoCommit(true); // refresh_continuous_aggregate refuses to run inside a transaction
    return c;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }
}
