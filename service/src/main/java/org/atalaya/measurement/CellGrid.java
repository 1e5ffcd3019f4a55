package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.territory.Territory;

/** The stored cells of one series at a district and its corregimientos (all ages), as stored. */
@Singleton
public class CellGrid {
  private final DataSource dataSource;

  CellGrid(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One stored cell: its period, sex, place code, value and whether it is validated. */
  public record Stored(
      LocalDate period, String sex, String territory, double value, boolean validated) {}

  /** The cells, with the district whose breakdowns they are. */
  public record Grid(String district, List<String> places, List<Stored> cells) {
    public Grid {
      places = List.copyOf(places);
      cells = List.copyOf(cells);
    }
  }

  private static final String CELLS =
      """
      SELECT m.period_start, m.sex, t.code, m.value, m.status = 'VALIDATED'
      FROM measurement m JOIN territory t ON t.id = m.territory_id
      WHERE m.indicator_id = ? AND m.source_id = ? AND m.age_group = '_T'
        AND m.period_start <= ? AND m.value IS NOT NULL
        AND (t.id = ? OR t.parent_id = ?)
      """;

  @Connectable
  Grid read(long indicatorId, long sourceId, Territory district, LocalDate to) throws SQLException {
    List<Stored> cells = new ArrayList<>();
    List<String> places = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (var s =
          c.prepareStatement("SELECT code FROM territory WHERE parent_id = ? ORDER BY code")) {
        s.setLong(1, district.id());
        try (var rs = s.executeQuery()) {
          while (rs.next()) {
            places.add(rs.getString("code"));
          }
        }
      }
      try (var s = c.prepareStatement(CELLS)) {
        s.setLong(1, indicatorId);
        s.setLong(2, sourceId);
        s.setDate(3, Date.valueOf(to));
        s.setLong(4, district.id());
        s.setLong(5, district.id());
        try (var rs = s.executeQuery()) {
          while (rs.next()) {
            cells.add(
                new Stored(
                    rs.getObject(1, LocalDate.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4).doubleValue(),
                    rs.getBoolean(5)));
          }
        }
      }
    }
    return new Grid(district.code(), places, cells);
  }
}
