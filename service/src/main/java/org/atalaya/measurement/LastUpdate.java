package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import javax.sql.DataSource;
import org.atalaya.database.ColumnValues;
import org.atalaya.database.NamedStatement;

/**
 * When the figures of some indicators last changed: the newest recording among them, counting only
 * validated ones when the reader sees validated figures only (the home page's "datos actualizados
 * el …").
 */
@Singleton
public class LastUpdate {
  /**
   * The newest row of each indicator and status, one index entry each ({@code
   * measurement_recorded_idx}): as many index lookups as indicators, whatever the history's size.
   */
  static final String SQL =
      """
      SELECT max(newest.recorded_at) AS recorded_at
        FROM indicator i
       CROSS JOIN (VALUES ('VALIDATED'), ('PROVISIONAL')) s(status)
       CROSS JOIN LATERAL (
             SELECT m.recorded_at FROM measurement m
              WHERE m.indicator_id = i.id AND m.status = s.status
              ORDER BY m.recorded_at DESC LIMIT 1) newest
       WHERE i.code = ANY (:codes) AND (:provisional OR s.status = 'VALIDATED')
      """;

  private final DataSource dataSource;

  LastUpdate(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Connectable
  public @Nullable Instant of(Collection<String> indicatorCodes, boolean provisional)
      throws SQLException {
    if (indicatorCodes.isEmpty()) {
      return null;
    }
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, SQL)) {
      s.setArray("codes", "varchar", indicatorCodes.toArray())
          .setBoolean("provisional", provisional);
      return s.first(rs -> ColumnValues.instant(rs, "recorded_at")).orElse(null);
    }
  }
}
