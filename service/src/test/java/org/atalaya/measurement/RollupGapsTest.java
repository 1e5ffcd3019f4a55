package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.testsupport.RollupFixture;
import org.junit.jupiter.api.Test;

/**
 * The district's figure from everyone's sums where they are whole, and from women's and men's only
 * in the months they are not (read only there): the same points as from the raw rows, for every way
 * of making it, with and without date bounds. Its own plan, in the test's transaction.
 */
@MicronautTest(environments = "test")
class RollupGapsTest {
  @Inject DataSource dataSource;
  @Inject SeriesReader reader;
  @Inject SeriesQuery raw;

  @Test
  void womensAndMensSumsMakeTheMonthsEveryonesDoesNot() throws SQLException {
    String plan = "RG-" + Long.toString(System.nanoTime(), 36);
    List<SeriesReader.Ref> refs;
    long district;
    try (Connection c = dataSource.getConnection()) {
      RollupFixture.write(c, plan);
      refs = refs(c, plan);
      district = id(c, "SELECT id FROM territory WHERE code = 'LCH'");
    }
    assertThat(refs).hasSize(RollupFixture.INDICATORS);
    int places = raw.children(district);
    LocalDate[][] bounds = {
      {null, null},
      {LocalDate.of(2024, 6, 1), LocalDate.of(2025, 10, 31)},
      {LocalDate.of(2024, 7, 1), LocalDate.of(2025, 11, 1)}
    };
    for (LocalDate[] b : bounds) {
      for (String sex : List.of("_T", "F", "M")) {
        var fromRollup = reader.read(refs, sex, district, b[0], b[1]);
        for (SeriesReader.Ref ref : refs) {
          var fromRaw =
              SeriesReader.points(
                  ref,
                  raw.sums(
                      ref.indicatorId(),
                      ref.sourceId(),
                      sex,
                      district,
                      ref.key().rateBase(),
                      b[0] == null ? LocalDate.of(1900, 1, 1) : b[0],
                      b[1] == null ? LocalDate.of(2200, 1, 1) : b[1]),
                  places);
          assertThat(fromRollup.get(ref))
              .as("indicator %d, %s, %s", ref.indicatorId(), sex, Arrays.toString(b))
              .isEqualTo(fromRaw);
        }
      }
    }
    var everyone = reader.read(refs, "_T", district, null, null).get(refs.get(0));
    assertThat(everyone.stream().map(p -> p.period() + " " + p.basis()))
        .hasSize(24)
        .contains(
            "2024-05 territoryParts",
            "2024-06 allParts",
            "2025-10 allParts",
            "2025-11 allParts",
            "2025-12 incomplete");
  }

  private static List<SeriesReader.Ref> refs(Connection c, String plan) throws SQLException {
    List<SeriesReader.Ref> refs = new ArrayList<>();
    try (var s =
        c.prepareStatement(
            "SELECT i.id, s.id, i.kind, i.rate_base, i.unit, i.frequency FROM indicator i"
                + " JOIN indicator_source s ON s.indicator_id = i.id AND s.official"
                + " WHERE i.code LIKE ? ORDER BY i.code")) {
      s.setString(1, plan + "-_");
      try (var rs = s.executeQuery()) {
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
    }
    return refs;
  }

  private static long id(Connection c, String query) throws SQLException {
    try (var s = c.prepareStatement(query);
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
