package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.atalaya.indicator.Sex;
import org.atalaya.testsupport.RollupFixture;
import org.atalaya.testsupport.TableStats;
import org.junit.jupiter.api.Test;

/**
 * What a whole plan's progress reads of the corregimientos' sums, counted by PostgreSQL itself in
 * the test's transaction ({@code pg_stat_xact_user_tables}): everyone's row of each series and
 * period, and women's, men's and unknown's rows only for the periods everyone's row does not
 * complete. Each row read is a page read (a series' rows lie scattered over the table), and reading
 * every sex's rows made three times the reads: most of a plan's progress time (issue 20).
 */
@MicronautTest(environments = "test")
class ProgressRowsReadTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  /**
   * The plan's rollup rows at its district up to the as-of date: every sex's, and the most the
   * progress needs (everyone's, and the other sexes' where everyone's misses a corregimiento).
   */
  private static final String ROWS =
      """
      WITH series AS (
        SELECT i.id AS indicator_id, s.id AS source_id
        FROM indicator i JOIN action_card c ON c.id = i.action_card_id
        JOIN plan p ON p.id = c.plan_id
        JOIN indicator_source s ON s.indicator_id = i.id AND s.official
        WHERE p.code = ?),
      district AS (
        SELECT d.id, (SELECT count(*) FROM territory t WHERE t.parent_id = d.id) AS places
        FROM territory d JOIN plan p ON p.territory_id = d.id WHERE p.code = ?),
      r AS (
        SELECT u.indicator_id, u.source_id, u.period_start, u.sex, u.cells = d.places AS whole
        FROM measurement_rollup u JOIN series USING (indicator_id, source_id)
        JOIN district d ON d.id = u.parent_id
        WHERE u.period_start <= ?)
      SELECT count(*) AS every_sex,
             count(*) FILTER (WHERE r.sex = '_T' OR NOT EXISTS (
               SELECT 1 FROM r t WHERE t.sex = '_T' AND t.whole AND t.period_start = r.period_start
                 AND t.indicator_id = r.indicator_id AND t.source_id = r.source_id)) AS needed
      FROM r
      """;

  @Inject DataSource dataSource;
  @Inject ProgressFacade progress;

  @Test
  void aPlansProgressReadsWomensAndMensSumsOnlyWhereEveryonesIsIncomplete() throws SQLException {
    String plan = "RR-" + Long.toString(System.nanoTime(), 36);
    try (Connection c = dataSource.getConnection()) {
      RollupFixture.write(c, plan);
      // The test database's rollup is small enough to be read whole, and its statistics predate
      // these rows; a real plan's is not, and the planner reads it series by series through its
      // primary key, as it must do here.
      try (var s = c.createStatement()) {
        s.execute(
            "ANALYZE measurement_rollup; SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off;"
                + " SET LOCAL enable_mergejoin = off");
      }
    }
    long[] rows = rollupRows(plan);
    long everySex = rows[0];
    long needed = rows[1];
    assertThat(everySex)
        .as("the plan's corregimientos give everyone's figure beside women's and men's")
        .isGreaterThan(2 * needed);

    long before = TableStats.rowsRead(dataSource, "measurement_rollup");
    var answer = progress.plan(plan, AS_OF, Sex._T, null);
    long read = TableStats.rowsRead(dataSource, "measurement_rollup") - before;
    assertThat(answer.children()).isNotEmpty();
    assertThat(needed)
        .as("everyone's row of each month, women's and men's where it is missing or incomplete")
        .isEqualTo(RollupFixture.INDICATORS * (RollupFixture.MONTHS_WITH_EVERYONE + 7));
    assertThat(read).as("rollup rows read for the plan's progress").isPositive();
    assertThat(read)
        .as("rollup rows read, of %d rows of every sex", everySex)
        .isLessThanOrEqualTo(needed);
  }

  private long[] rollupRows(String plan) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(ROWS)) {
      s.setString(1, plan);
      s.setString(2, plan);
      s.setObject(3, AS_OF);
      try (var rs = s.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong("every_sex"), rs.getLong("needed")};
      }
    }
  }
}
