package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.territory.Territory;

/**
 * The stored cells of one series at a district and its corregimientos (all ages), as stored: each
 * cell's value, or its numerator when asked for the events of a rate.
 */
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

  /** {@code %1$s}: the column read, {@code value} or {@code numerator}. */
  private static final String CELLS =
      """
      SELECT m.period_start, m.sex, t.code, m.%1$s AS value,
        m.status = 'VALIDATED' AS validated
      FROM measurement m JOIN territory t ON t.id = m.territory_id
      WHERE m.indicator_id = :indicator AND m.source_id = :source AND m.age_group = '_T'
        AND m.period_start <= :to AND m.%1$s IS NOT NULL
        AND (t.id = :district OR t.parent_id = :district)
      """;

  @Connectable
  Grid read(long indicatorId, long sourceId, Territory district, LocalDate to, boolean events)
      throws SQLException {
    List<Stored> cells = new ArrayList<>();
    List<String> places = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (var s =
          NamedStatement.prepare(
              c, "SELECT code FROM territory WHERE parent_id = :district ORDER BY code")) {
        places.addAll(s.setLong("district", district.id()).list(rs -> rs.getString("code")));
      }
      try (var s = NamedStatement.prepare(c, CELLS.formatted(events ? "numerator" : "value"))) {
        s.setLong("indicator", indicatorId).setLong("source", sourceId).setDate("to", to);
        cells.addAll(
            s.setLong("district", district.id())
                .list(
                    rs ->
                        new Stored(
                            rs.getObject("period_start", LocalDate.class),
                            rs.getString("sex"),
                            rs.getString("code"),
                            rs.getBigDecimal("value").doubleValue(),
                            rs.getBoolean("validated"))));
      }
    }
    return new Grid(district.code(), places, cells);
  }
}
