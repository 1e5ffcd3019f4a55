package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * {@code %1$s}: the column read, {@code value} or {@code numerator}. The district's places are
   * given by id, so the index on (indicator, source, place) reads its rows alone and no territory
   * is joined per row: the cost follows the district, not the country.
   */
  private static final String CELLS =
      """
      SELECT m.period_start, m.sex, m.territory_id, m.%1$s AS value,
        m.status = 'VALIDATED' AS validated
      FROM measurement m
      WHERE m.indicator_id = :indicator AND m.source_id = :source AND m.age_group = '_T'
        AND m.territory_id = ANY(:places) AND m.period_start <= :to AND m.%1$s IS NOT NULL
      """;

  @Connectable
  Grid read(long indicatorId, long sourceId, Territory district, LocalDate to, boolean events)
      throws SQLException {
    List<Stored> cells = new ArrayList<>();
    List<String> places = new ArrayList<>();
    Map<Long, String> codes = new HashMap<>();
    codes.put(district.id(), district.code());
    try (Connection c = dataSource.getConnection()) {
      try (var s =
          NamedStatement.prepare(
              c, "SELECT id, code FROM territory WHERE parent_id = :district ORDER BY code")) {
        for (var place :
            s.setLong("district", district.id())
                .list(rs -> Map.entry(rs.getLong("id"), rs.getString("code")))) {
          places.add(place.getValue());
          codes.put(place.getKey(), place.getValue());
        }
      }
      try (var s = NamedStatement.prepare(c, CELLS.formatted(events ? "numerator" : "value"))) {
        s.setLong("indicator", indicatorId).setLong("source", sourceId).setDate("to", to);
        cells.addAll(
            s.setArray("places", "bigint", codes.keySet().toArray(Long[]::new))
                .list(
                    rs ->
                        new Stored(
                            rs.getObject("period_start", LocalDate.class),
                            rs.getString("sex"),
                            codes.get(rs.getLong("territory_id")),
                            rs.getBigDecimal("value").doubleValue(),
                            rs.getBoolean("validated"))));
      }
    }
    return new Grid(district.code(), places, cells);
  }
}
