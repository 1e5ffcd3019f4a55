package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What is stored for one indicator period and source, cell by cell: the grid entry page is
 * prefilled with it, so a person corrects figures instead of typing them again.
 */
@Singleton
public class PeriodCells {
  private final DataSource dataSource;

  PeriodCells(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One stored figure, by territory code and sex code (age groups other than all are left out). */
  public record Stored(
      String territory,
      String sex,
      BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator) {}

  /** The period's figures from the source with that code, or the official source when null. */
  @io.micronaut.transaction.annotation.Transactional(readOnly = true)
  public List<Stored> of(String indicator, LocalDate start, @Nullable String source) {
    String sql =
        """
        SELECT t.code, m.sex, m.value, m.numerator, m.denominator
          FROM measurement m
          JOIN indicator i ON i.id = m.indicator_id
          JOIN indicator_source s ON s.id = m.source_id
          JOIN territory t ON t.id = m.territory_id
         WHERE i.code = ? AND m.period_start = ? AND m.age_group = '_T'
           AND (s.code = ? OR (?::text IS NULL AND s.official))
        """;
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, indicator);
      s.setDate(2, Date.valueOf(start));
      s.setString(3, source);
      s.setString(4, source);
      List<Stored> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Stored(
                  r.getString(1),
                  r.getString(2),
                  r.getBigDecimal(3),
                  r.getBigDecimal(4),
                  r.getBigDecimal(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading " + indicator + " " + start + " failed", e);
    }
  }
}
