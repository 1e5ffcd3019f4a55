package org.atalaya.database;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** What the connected server is, and whether the migrations switched TimescaleDB on. */
@Singleton
public class DatabaseInfo {
  private final DataSource dataSource;

  DatabaseInfo(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Connectable
  public String serverVersion() throws SQLException {
    return connection().getMetaData().getDatabaseProductVersion();
  }

  @Connectable
  public Optional<String> timescaleVersion() throws SQLException {
    try (var s =
            connection()
                .prepareStatement(
                    "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
        var rs = s.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString("extversion")) : Optional.empty();
    }
  }

  private Connection connection() throws SQLException {
    return dataSource.getConnection();
  }
}
