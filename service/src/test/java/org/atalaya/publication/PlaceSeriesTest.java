package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.indicator.Sex;
import org.junit.jupiter.api.Test;

/**
 * A district's corregimientos read in one go give each place the figures its own page gives it: for
 * the demo district, a count and a rate, everyone, women and men, the public and staff, the batch
 * read equals one read per place — withheld small counts and figures awaiting validation included —
 * and women's counts equal the cells stored, marked provisional exactly where the stored cell is
 * not validated (read here by plain SQL).
 */
@MicronautTest(environments = "test")
class PlaceSeriesTest {
  static final LocalDate AS_OF = LocalDate.now();

  @Inject Publication publication;
  @Inject DataSource dataSource;

  @Test
  void everyPlaceReadsInTheBatchWhatItsOwnReadGivesIt() throws SQLException {
    List<String> places = children("LCH");
    assertThat(places).hasSizeGreaterThan(5);
    Map<Mark, Integer> marks = new HashMap<>();
    for (String code : List.of("VD-DENUNCIAS", "HOM-TASA")) {
      for (Sex sex : List.of(Sex._T, Sex.F, Sex.M)) {
        for (Audience audience : Audience.values()) {
          var batch = publication.seriesOfPlaces(code, sex, "LCH", AS_OF, audience);
          assertThat(batch)
              .extracting(Publication.PlaceFigures::territory)
              .containsExactlyInAnyOrderElementsOf(places);
          for (Publication.PlaceFigures place : batch) {
            assertThat(place.figures())
                .as("%s %s %s %s", code, sex, place.territory(), audience)
                .isEqualTo(publication.series(code, sex, place.territory(), AS_OF, audience));
            place.figures().forEach(f -> marks.merge(f.mark(), 1, Integer::sum));
          }
        }
      }
    }
    assertThat(marks).as("marks compared").containsKeys(Mark.WITHHELD, Mark.PROVISIONAL);
  }

  @Test
  void womensCountsAreTheStoredCellsMarkedByTheirStatus() throws SQLException {
    int compared = 0;
    for (Publication.PlaceFigures place :
        publication.seriesOfPlaces("VD-DENUNCIAS", Sex.F, "LCH", AS_OF, Audience.STAFF)) {
      Map<LocalDate, Stored> stored = stored("VD-DENUNCIAS", "F", place.territory());
      for (Figure f : place.figures()) {
        Stored s = stored.get(f.start());
        assertThat(s).as("%s %s", place.territory(), f.period()).isNotNull();
        if (f.mark().hasValue()) {
          assertThat(BigDecimal.valueOf(f.value())).isEqualByComparingTo(s.value());
          assertThat(f.mark() == Mark.PROVISIONAL)
              .as("%s %s provisional", place.territory(), f.period())
              .isEqualTo(!s.validated());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  private record Stored(BigDecimal value, boolean validated) {}

  /** The latest revision of each stored cell, straight from the table. */
  private Map<LocalDate, Stored> stored(String code, String sex, String place) throws SQLException {
    Map<LocalDate, Stored> out = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT m.period_start, m.value, m.status FROM measurement m"
                    + " JOIN indicator i ON i.id = m.indicator_id"
                    + " JOIN indicator_source o ON o.id = m.source_id AND o.official"
                    + " JOIN territory t ON t.id = m.territory_id"
                    + " WHERE i.code = ? AND m.sex = ? AND t.code = ? AND m.age_group = '_T'")) {
      s.setString(1, code);
      s.setString(2, sex);
      s.setString(3, place);
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getObject(1, LocalDate.class),
              new Stored(rs.getBigDecimal(2), "VALIDATED".equals(rs.getString(3))));
        }
      }
    }
    return out;
  }

  private List<String> children(String parent) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT code FROM territory WHERE parent_id ="
                    + " (SELECT id FROM territory WHERE code = ?)")) {
      s.setString(1, parent);
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
