package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

/**
 * Progress reads the sums of each district's corregimientos from measurement_rollup instead of the
 * raw rows. These tests hold it to the raw rows: after uploads, revisions and deletions the rollup
 * holds exactly what a GROUP BY over measurement gives, and every series a user can ask for the
 * demo plan comes out the same from the rollup as from the raw rows.
 */
@MicronautTest(environments = "test")
class RollupEquivalenceTest extends MeasurementFixture {
  private static final String ROLLUP_MINUS_RAW =
      """
      SELECT indicator_id, source_id, period_start, sex, parent_id, value, numerator, denominator,
             cells, cells_without_fraction, validated
      FROM measurement_rollup WHERE parent_id IS NOT NULL AND indicator_id IN (SELECT id FROM indicator WHERE code = ANY(?))
      EXCEPT
      SELECT m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id, sum(m.value),
             sum(m.numerator), sum(m.denominator), count(*),
             count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL),
             bool_and(m.status = 'VALIDATED')
      FROM measurement m JOIN territory t ON t.id = m.territory_id
      WHERE m.age_group = '_T' AND t.parent_id IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5
      """;

  @Inject DataSource dataSource;
  @Inject SeriesReader reader;
  @Inject SeriesQuery raw;
  @Inject RollupRefresh refresh;

  @Test
  void theRollupHoldsTheRawSumsAfterUploadsRevisionsAndDeletions() throws SQLException {
    var csv = new StringBuilder("indicador,periodo,sexo,territorio,valor,numerador,denominador\n");
    for (int place = 1; place <= 18; place++) {
      for (String sex : List.of("F", "M")) {
        csv.append(String.format("%s,2025-03,%s,LCH-%02d,%d,,\n", reports, sex, place, place));
        csv.append(
            String.format(
                "%s,2025-03,%s,LCH-%02d,%d,%d,10000\n", rate, sex, place, place * 10, place));
      }
    }
    assertThat(upload(csv.toString(), "").status()).isEqualTo(200);
    assertThat(womenInTheDistrict())
        .as("1 + 2 + … + 18 women's reports")
        .isEqualTo("171 territoryParts");

    // A revision of one corregimiento and the deletion of another reach the sums.
    upload(
        "indicador,periodo,sexo,territorio,valor\n" + reports + ",2025-03,F,LCH-01,101\n",
        "reason=fe+de+erratas");
    assertThat(womenInTheDistrict()).isEqualTo("271 territoryParts");
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "DELETE FROM measurement WHERE indicator_id = (SELECT id FROM indicator"
                    + " WHERE code = ?) AND territory_id = (SELECT id FROM territory"
                    + " WHERE code = 'LCH-18') AND sex = 'F'")) {
      s.setString(1, reports);
      assertThat(s.executeUpdate()).isEqualTo(1);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    // A write outside the upload path: on TimescaleDB it needs the refresh an upload runs.
    refresh.afterCommit();
    assertThat(womenInTheDistrict())
        .as("17 of 18 corregimientos make no district total")
        .isEqualTo("null incomplete");
    assertThat(rows(ROLLUP_MINUS_RAW, rate, reports)).isZero();
    assertThat(rows(ROLLUP_MINUS_RAW.replace("EXCEPT", "INTERSECT"), rate, reports))
        .as("both indicators' groups: 2 sexes, one period each")
        .isEqualTo(4);
  }

  @Test
  void everyDemoSeriesComesOutTheSameFromTheRollupAsFromTheRawRows() throws SQLException {
    List<SeriesReader.Ref> refs = demoSeries();
    assertThat(refs).as("demo series with data").hasSizeGreaterThanOrEqualTo(5);
    int compared = 0;
    for (String place : List.of("LCH", "LCH-01", "LCH-07", "LCH-18")) {
      long territory = territoryId(place);
      int places = raw.children(territory);
      for (String sex : List.of("_T", "F", "M")) {
        var fromRollup = reader.read(refs, sex, territory, null, null);
        for (SeriesReader.Ref ref : refs) {
          var fromRaw =
              SeriesReader.points(
                  ref,
                  raw.sums(
                      ref.indicatorId(),
                      ref.sourceId(),
                      sex,
                      territory,
                      ref.key().rateBase(),
                      LocalDate.of(1900, 1, 1),
                      LocalDate.of(2200, 1, 1)),
                  places);
          assertThat(fromRollup.get(ref))
              .as("indicator %d, %s, %s", ref.indicatorId(), sex, place)
              .isEqualTo(fromRaw);
          compared += fromRaw.size();
        }
      }
    }
    assertThat(compared).as("periods compared").isGreaterThan(500);
  }

  private String womenInTheDistrict() {
    Map<?, ?> point = series(reports, "sex=F&territory=LCH").get(0);
    return point.get("value") + " " + point.get("basis");
  }

  private List<SeriesReader.Ref> demoSeries() throws SQLException {
    List<SeriesReader.Ref> refs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT i.id, s.id, i.kind, i.rate_base, i.unit, i.frequency FROM indicator i"
                    + " JOIN indicator_source s ON s.indicator_id = i.id AND s.official"
                    + " WHERE EXISTS (SELECT 1 FROM measurement m WHERE m.indicator_id = i.id)"
                    + " ORDER BY i.id");
        var rs = s.executeQuery()) {
      while (rs.next()) {
        refs.add(
            new SeriesReader.Ref(
                rs.getLong(1),
                rs.getLong(2),
                IndicatorKind.valueOf(rs.getString(3)),
                rs.getObject(4, Integer.class),
                rs.getString(5),
                Frequency.valueOf(rs.getString(6))));
      }
    }
    return refs;
  }

  private long territoryId(String code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT id FROM territory WHERE code = ?")) {
      s.setString(1, code);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long rows(String query, String... codes) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT count(*) FROM (" + query + ") q")) {
      s.setArray(1, c.createArrayOf("varchar", codes));
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
