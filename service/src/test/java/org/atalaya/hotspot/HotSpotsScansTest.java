package org.atalaya.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.atalaya.indicator.Sex;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Publication;
import org.atalaya.testsupport.TableStats;
import org.junit.jupiter.api.Test;

/**
 * The hot spots of one indicator read every corregimiento's series at once: with six more
 * corregimientos in the district (written in the test's own transaction, rolled back with it) the
 * answer costs PostgreSQL the same number of scans of {@code measurement}, fewer than the
 * district's corregimientos — not one series per place, as the first page after an upload did.
 */
@MicronautTest(environments = "test")
class HotSpotsScansTest {
  @Inject HotSpots hotSpots;
  @Inject DataSource dataSource;
  @Inject Publication publication;

  @Test
  void theAnswerCostsTheSameScansWhateverTheNumberOfCorregimientos() throws SQLException {
    // Inside a transaction nothing is kept: each call computes afresh.
    long before = TableStats.scans(dataSource, "measurement");
    var found = hotSpots.of("VD-DENUNCIAS", LocalDate.of(2026, 6, 1), Sex.F, Audience.STAFF);
    long withDemoPlaces = TableStats.scans(dataSource, "measurement") - before;
    assertThat(found).isNotNull();

    long[] ids = TableStats.officialSeries(dataSource, "VD-DENUNCIAS");
    execute(
        "INSERT INTO territory (code, name, level, parent_id) SELECT 'LCH-SCAN-' || c,"
            + " 'Corregimiento nuevo ' || c, 'CORREGIMIENTO', (SELECT id FROM territory"
            + " WHERE code = 'LCH') FROM generate_series(1, 6) c");
    execute(
        "INSERT INTO measurement (indicator_id, period_start, sex, territory_id, source_id, value,"
            + " status, recorded_by) SELECT "
            + ids[0]
            + ", make_date(y, mo, 1), x, t.id, "
            + ids[1]
            + ", 40, 'VALIDATED', 'scans' FROM territory t, generate_series(2023, 2025) y,"
            + " generate_series(1, 12) mo, unnest(ARRAY['F', 'M']) x"
            + " WHERE t.code LIKE 'LCH-SCAN-%'");
    before = TableStats.scans(dataSource, "measurement");
    var more = hotSpots.of("VD-DENUNCIAS", LocalDate.of(2026, 6, 2), Sex.F, Audience.STAFF);
    long withMorePlaces = TableStats.scans(dataSource, "measurement") - before;

    assertThat(more).isNotNull();
    assertThat(
            publication.seriesOfPlaces(
                "VD-DENUNCIAS", Sex.F, "LCH", LocalDate.of(2026, 6, 2), Audience.STAFF))
        .as("the new places are among those read")
        .anyMatch(p -> p.territory().equals("LCH-SCAN-1") && p.figures().size() == 36);
    assertThat(withMorePlaces)
        .as("scans of measurement with 6 more corregimientos")
        .isEqualTo(withDemoPlaces);
    assertThat(withDemoPlaces).as("scans of measurement for one answer").isLessThan(6);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
