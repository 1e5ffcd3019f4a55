package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On TimescaleDB the district figures come from a continuous aggregate. A write made outside the
 * service (an ETL, a correction in SQL) invalidates a bucket that is already materialised; the
 * aggregate shows the old sum until TimescaleDB's own hourly policy refreshes it, without any write
 * of ours. The data version the public pages are cached under must move at that refresh, or the
 * page computed in between stays stale until the next write through the service.
 *
 * <p>Runs the real policy through TimescaleDB's scheduler ({@code alter_job(next_start => now())}),
 * so it needs the test database to be TimescaleDB (Docker, or {@code ATALAYA_TEST_JDBC_URL}); on
 * plain PostgreSQL the aggregate is a trigger-kept table, right inside the writing transaction, and
 * the test is skipped.
 */
class ContinuousAggregateRefreshTest {
  private static TestDatabase database;

  @BeforeAll
  static void timescaleOnly() throws SQLException {
    database = TestDatabaseSession.database();
    Flyway.configure()
        .dataSource(database.url, database.username, database.password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection c = connect()) {
      assumeTrue(
          scalar(
                  c,
                  "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'"
                      + " AND to_regclass('timescaledb_information.continuous_aggregates')"
                      + " IS NOT NULL")
              == 1,
          "needs TimescaleDB (Docker or ATALAYA_TEST_JDBC_URL); the test database is "
              + database.kind);
    }
  }

  @Test
  void thePolicysRefreshMovesTheDataVersionAndTheDistrictSum() throws Exception {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(database.url);
    source.setUser(database.username);
    source.setPassword(database.password);
    DataVersion versions = new DataVersion(source);

    try (Connection c = connect()) {
      execute(
          c,
          """
          INSERT INTO territory (code, name, level) VALUES ('CAGG-D', 'Distrito cagg', 'DISTRICT');
          INSERT INTO territory (code, name, level, parent_id)
            SELECT 'CAGG-C' || n, 'Corregimiento cagg ' || n, 'CORREGIMIENTO',
                   (SELECT id FROM territory WHERE code = 'CAGG-D')
            FROM generate_series(1, 2) n;
          INSERT INTO indicator (code, name, kind, unit, direction, frequency, accumulation,
                                 source_kind)
            VALUES ('CAGG-I', 'Denuncias cagg', 'COUNT', 'denuncias', 'DECREASE', 'MONTHLY',
                    'PERIODIC', 'ADMINISTRATIVE');
          INSERT INTO indicator_source (indicator_id, code, name, official)
            SELECT id, 'S', 'Fuente', true FROM indicator WHERE code = 'CAGG-I';
          INSERT INTO measurement (indicator_id, source_id, period_start, sex, territory_id,
                                   value, recorded_by)
            SELECT i.id, s.id, DATE '2020-01-01', '_T', t.id, 10, 'etl'
            FROM indicator i JOIN indicator_source s ON s.indicator_id = i.id
            CROSS JOIN territory t WHERE i.code = 'CAGG-I' AND t.code LIKE 'CAGG-C%';
          """);
      // Materialised once, as the service does after its own writes.
      execute(c, "CALL refresh_continuous_aggregate('measurement_rollup', NULL, NULL)");
      assertThat(districtSum(c)).isEqualTo(20);

      // A correction made in SQL, outside the service: the bucket is invalidated, not refreshed.
      execute(
          c,
          "UPDATE measurement SET value = 15 WHERE territory_id = (SELECT id FROM territory"
              + " WHERE code = 'CAGG-C1') AND indicator_id = (SELECT id FROM indicator"
              + " WHERE code = 'CAGG-I')");
      String beforeRefresh = versions.current();

      // TimescaleDB's own policy runs (its hourly job, started now by its scheduler).
      long job =
          scalar(
              c,
              "SELECT job_id FROM timescaledb_information.jobs"
                  + " WHERE proc_name = 'policy_refresh_continuous_aggregate'"
                  + " AND hypertable_name = (SELECT materialization_hypertable_name"
                  + " FROM timescaledb_information.continuous_aggregates"
                  + " WHERE view_name = 'measurement_rollup')");
      long runs = successes(c, job);
      execute(c, "SELECT alter_job(" + job + ", next_start => now())");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (successes(c, job) == runs && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
      }
      assertThat(successes(c, job)).as("the policy ran").isGreaterThan(runs);

      assertThat(districtSum(c)).as("the district sum after the policy's refresh").isEqualTo(25);
      assertThat(versions.current())
          .as("a page cached before the refresh is not served after it")
          .isNotEqualTo(beforeRefresh);
    } finally {
      try (Connection c = connect()) {
        // Other tests read the demo's one district: leave nothing behind.
        execute(
            c,
            """
            DELETE FROM measurement WHERE indicator_id = (SELECT id FROM indicator
                                                          WHERE code = 'CAGG-I');
            DELETE FROM indicator_source WHERE indicator_id = (SELECT id FROM indicator
                                                               WHERE code = 'CAGG-I');
            DELETE FROM indicator WHERE code = 'CAGG-I';
            DELETE FROM territory WHERE code LIKE 'CAGG-C%';
            DELETE FROM territory WHERE code = 'CAGG-D';
            """);
      }
    }
  }

  private static long districtSum(Connection c) throws SQLException {
    return scalar(
        c,
        "SELECT coalesce(sum(value), 0)::bigint FROM measurement_rollup"
            + " WHERE parent_id = (SELECT id FROM territory WHERE code = 'CAGG-D')"
            + " AND indicator_id = (SELECT id FROM indicator WHERE code = 'CAGG-I')");
  }

  private static long successes(Connection c, long job) throws SQLException {
    return scalar(
        c,
        "SELECT coalesce((SELECT total_successes FROM timescaledb_information.job_stats"
            + " WHERE job_id = "
            + job
            + "), 0)");
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(database.url, database.username, database.password);
    c.setAutoCommit(true); // refresh_continuous_aggregate refuses to run inside a transaction
    return c;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
