package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.calendar.CalendarService;
import org.atalaya.territory.TerritoryService;
import org.atalaya.testsupport.TableStats;
import org.junit.jupiter.api.Test;

/**
 * With other districts' figures in the database (four districts of nine corregimientos, five years
 * of monthly values, written in the test's own transaction and rolled back), a district's paths
 * read its own rows: the menu's late count and a page's small-counts grid never scan every
 * measurement of the country, nor join the territories once per row ({@code bench/run.sh national}
 * found both growing with the country). Counted by PostgreSQL in {@code pg_stat_xact_user_tables}.
 */
@MicronautTest(environments = "test")
class DistrictScansTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @Inject DataSource dataSource;
  @Inject CalendarService calendar;
  @Inject CellGrid grid;
  @Inject TerritoryService territories;

  /** Runs in the test's own transaction: rolled back with it. */
  private void otherDistricts() throws SQLException {
    execute(
        "INSERT INTO territory (code, name, level) SELECT 'SCAN-D' || d, 'Distrito ' || d,"
            + " 'DISTRICT' FROM generate_series(1, 4) d");
    execute(
        "INSERT INTO territory (code, name, level, parent_id) SELECT t.code || '-' || c,"
            + " 'Corregimiento ' || c, 'CORREGIMIENTO', t.id FROM territory t,"
            + " generate_series(1, 9) c WHERE t.code LIKE 'SCAN-D%'");
    execute(
        "INSERT INTO measurement (indicator_id, period_start, sex, territory_id, source_id, value,"
            + " status, recorded_by) SELECT s.indicator_id, make_date(y, mo, 1), x, t.id, s.id, 1,"
            + " 'VALIDATED', 'scans' FROM (SELECT s.indicator_id, s.id FROM indicator_source s"
            + " JOIN indicator i ON i.id = s.indicator_id WHERE s.official"
            + " AND i.source_kind <> 'SURVEY' ORDER BY i.code LIMIT 4) s,"
            + " territory t, generate_series(2020, 2024) y, generate_series(1, 12) mo,"
            + " unnest(ARRAY['F', 'M', '_T']) x WHERE t.code LIKE 'SCAN-D%-%'");
    // As autovacuum would after such a load: the planner weighs the country's rows.
    execute("ANALYZE measurement, territory");
  }

  @Test
  void theMenusLateCountReadsTheSeriesOwnRowsNotEveryDistrictsMeasurements() throws SQLException {
    otherDistricts();
    long before = TableStats.seqScans(dataSource, "measurement");
    var late = calendar.late(TODAY, null);
    assertThat(TableStats.seqScans(dataSource, "measurement") - before)
        .as("sequential scans of measurement")
        .isZero();
    assertThat(late).isNotEmpty();
  }

  @Test
  void aDistrictsGridReadsItsOwnPlacesAndJoinsNoTerritoryPerRow() throws SQLException {
    otherDistricts();
    long[] ids = TableStats.officialSeries(dataSource, "VD-DENUNCIAS");
    var district = territories.require("LCH");
    long measurementBefore = TableStats.seqScans(dataSource, "measurement");
    long territoryBefore = TableStats.scans(dataSource, "territory");
    CellGrid.Grid cells = null;
    int reads = 7; // past the driver's fifth execution, when a generic plan may take over
    for (int i = 0; i < reads; i++) {
      cells = grid.read(ids[0], ids[1], district, LocalDate.of(2200, 1, 1), false);
    }
    assertThat(TableStats.seqScans(dataSource, "measurement") - measurementBefore)
        .as("sequential scans of measurement")
        .isZero();
    assertThat(TableStats.scans(dataSource, "territory") - territoryBefore)
        .as("scans of territory: its places once per read, none per row")
        .isLessThanOrEqualTo(reads);
    List<String> places = cells.places();
    assertThat(places).isNotEmpty().allMatch(p -> p.startsWith("LCH"));
    assertThat(cells.cells().size()).isGreaterThan(20).isEqualTo(count(ids, "LCH"));
    assertThat(cells.cells())
        .extracting(CellGrid.Stored::territory)
        .allMatch(p -> p.equals("LCH") || places.contains(p));
    assertThat(cells.cells().stream().map(CellGrid.Stored::period).max(Comparator.naturalOrder()))
        .isPresent();
  }

  /** The district's and its corregimientos' stored values of all ages, counted independently. */
  private long count(long[] ids, String district) throws SQLException {
    return longOf(
        "SELECT count(*) FROM measurement m WHERE m.indicator_id = "
            + ids[0]
            + " AND m.source_id = "
            + ids[1]
            + " AND m.age_group = '_T' AND m.territory_id IN (SELECT id FROM territory"
            + " WHERE code = '"
            + district
            + "' OR parent_id = (SELECT id FROM territory WHERE code = '"
            + district
            + "'))");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long longOf(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
