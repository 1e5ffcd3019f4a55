package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.indicator.Sex;
import org.atalaya.plan.PlanService;
import org.atalaya.progress.ProgressFacade;
import org.atalaya.testsupport.TableStats;
import org.junit.jupiter.api.Test;

/**
 * What a plan's pages cost the database, counted by PostgreSQL itself: every test runs in one
 * transaction, and {@code pg_stat_xact_user_tables} counts the scans of each table made so far in
 * it. The census is read once per query, not once per measurement; the last update comes from an
 * index, not from every measurement of the plan; a plan's action partners in one query, not one per
 * card; the committee's inbox count from the provisional figures alone.
 */
@MicronautTest(environments = "test")
class TableScansTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  @Inject DataSource dataSource;
  @Inject ProgressFacade progress;
  @Inject SeriesQuery raw;
  @Inject LastUpdate lastUpdate;
  @Inject PlanService plans;
  @Inject org.atalaya.approval.InboxQueries inbox;

  @Test
  void aCorregimientosWholePlanProgressReadsTheCensusOnceNotOncePerMeasurement()
      throws SQLException {
    long before = TableStats.scans(dataSource, "territory_population");
    // LCH-01's counts are stored without a fraction: each used to ask the census on its own row.
    assertThat(countRows("VD-DENUNCIAS", "LCH-01")).isGreaterThan(20);
    var plan = progress.plan(PLAN, AS_OF, Sex._T, "LCH-01");
    assertThat(plan.children()).isNotEmpty();
    assertThat(TableStats.scans(dataSource, "territory_population") - before)
        .as("census scans for one plan's progress: one per query at most")
        .isLessThanOrEqualTo(3);
  }

  @Test
  void aSeriesRebuiltFromTheCensusReadsItOnceNotOncePerRow() throws SQLException {
    long[] ids = TableStats.officialSeries(dataSource, "VD-DENUNCIAS");
    long district = territoryId("LCH");
    long before = TableStats.scans(dataSource, "territory_population");
    List<SeriesQuery.Sums> sums =
        raw.sums(
            ids[0],
            ids[1],
            "_T",
            district,
            BigDecimal.valueOf(100_000),
            LocalDate.of(1900, 1, 1),
            LocalDate.of(2200, 1, 1));
    assertThat(sums.stream().mapToInt(SeriesQuery.Sums::cells).sum()).isGreaterThan(100);
    assertThat(TableStats.scans(dataSource, "territory_population") - before)
        .isLessThanOrEqualTo(1);
  }

  @Test
  void theLastUpdateOfAPlanIsReadFromAnIndexNotFromEveryMeasurement() throws SQLException {
    long before = TableStats.seqScans(dataSource, "measurement");
    var codes = List.of("VD-DENUNCIAS", "HOM-TASA", "SENSIBILIZADAS");
    assertThat(lastUpdate.of(codes, true)).isNotNull();
    assertThat(lastUpdate.of(codes, false)).isNotNull();
    assertThat(TableStats.seqScans(dataSource, "measurement") - before)
        .as("sequential scans of measurement")
        .isZero();
    assertThat(lastUpdate.of(codes, true)).isEqualTo(newest(codes, true));
    assertThat(lastUpdate.of(codes, false)).isEqualTo(newest(codes, false));
  }

  @Test
  void aPlanDocumentReadsItsPartnersInOneQuery() throws SQLException {
    long before = TableStats.scans(dataSource, "institution");
    var doc = plans.document(PLAN, true);
    long cards = doc.axes().stream().mapToLong(a -> a.actionCards().size()).sum();
    assertThat(cards).isGreaterThan(3);
    assertThat(doc.axes().stream().flatMap(a -> a.actionCards().stream()))
        .anyMatch(c -> !c.partners().isEmpty());
    assertThat(TableStats.scans(dataSource, "institution") - before)
        .as("scans of institution: its list, and its list by code; none per card")
        .isLessThanOrEqualTo(2);
  }

  @Test
  void theInboxCountInEverySignedInMenuReadsOnlyTheProvisionalFigures() throws SQLException {
    // On the small shared test database the planner may find a whole-table read as cheap (it did
    // once, with statistics left stale by the tests before): what must hold is that the partial
    // index of provisional figures serves the count, so whole-table reads are priced out here.
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("ANALYZE measurement; SET LOCAL enable_seqscan = off");
    }
    long before = TableStats.seqScans(dataSource, "measurement");
    long waiting = inbox.count();
    assertThat(TableStats.seqScans(dataSource, "measurement") - before)
        .as("sequential scans of measurement")
        .isZero();
    assertThat(waiting)
        .isEqualTo(
            longOf(
                "SELECT count(*) FROM (SELECT indicator_id, period_start FROM measurement"
                    + " WHERE status = ? GROUP BY 1, 2) p",
                "PROVISIONAL"));
  }

  private java.time.Instant newest(List<String> codes, boolean provisional) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT max(m.recorded_at) FROM measurement m JOIN indicator i"
                    + " ON i.id = m.indicator_id WHERE i.code = ANY (?)"
                    + " AND (? OR m.status = 'VALIDATED')")) {
      s.setArray(1, c.createArrayOf("varchar", codes.toArray()));
      s.setBoolean(2, provisional);
      try (var rs = s.executeQuery()) {
        rs.next();
        var t = rs.getTimestamp(1);
        return t == null ? null : t.toInstant();
      }
    }
  }

  private long countRows(String indicator, String territory) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id"
                    + " JOIN territory t ON t.id = m.territory_id"
                    + " WHERE i.code = ? AND t.code = ? AND m.numerator IS NULL")) {
      s.setString(1, indicator);
      s.setString(2, territory);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long territoryId(String code) throws SQLException {
    return longOf("SELECT id FROM territory WHERE code = ?", code);
  }

  private long longOf(String sql, String parameter) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
