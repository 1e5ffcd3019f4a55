package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

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
         WHERE i.code = :indicator AND m.period_start = :start AND m.age_group = '_T'
           AND (s.code = :source OR (:source::text IS NULL AND s.official))
        """;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      return s.setString("indicator", indicator)
          .setDate("start", start)
          .setString("source", source)
          .list(
              r ->
                  new Stored(
                      r.getString("code"),
                      r.getString("sex"),
                      r.getBigDecimal("value"),
                      r.getBigDecimal("numerator"),
                      r.getBigDecimal("denominator")));
    } catch (SQLException e) {
      throw new IllegalStateException("Reading " + indicator + " " + start + " failed", e);
    }
  }
}
