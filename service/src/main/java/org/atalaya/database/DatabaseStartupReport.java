package org.atalaya.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says in the log what the service started on: which database, where, and with what. */
@Singleton
class DatabaseStartupReport implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartupReport.class);

  private final DatasourceConfiguration config;
  private final DatabaseInfo database;
  private final EmbeddedDatabase embedded;

  DatabaseStartupReport(
      @Named("default") DatasourceConfiguration config,
      DatabaseInfo database,
      EmbeddedDatabase embedded) {
    this.config = config;
    this.database = database;
    this.embedded = embedded;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    String version;
    String timescale;
    try {
      version = database.serverVersion();
      timescale = database.timescaleVersion().map(v -> "on (" + v + ")").orElse("off");
    } catch (SQLException e) {
      version = "unreachable (" + e.getMessage() + ")";
      timescale = "unknown";
    }
    LOG.info(
        "Database: {} PostgreSQL {} at {} as {}; TimescaleDB {}",
        embedded.isRunning() ? "embedded" : "external",
        version,
        withoutSecrets(config.getUrl()),
        config.getUsername(),
        timescale);
  }

  static String withoutSecrets(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
