package org.atalaya.database;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Says whether the database answers, which server it is and whether TimescaleDB is on — without the
 * connection URL or the user, since /health is public. While it is away, why, since when, and when
 * to try again. With a read replica, whether the public's pages are read there now, and if not why.
 */
@Singleton
class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final DatabaseInfo database;
  private final EmbeddedDatabase embedded;
  private final DatabaseWatch watch;
  private final ReadReplica replica;

  DatabaseHealthIndicator(
      DatabaseInfo database, EmbeddedDatabase embedded, DatabaseWatch watch, ReadReplica replica) {
    this.database = database;
    this.embedded = embedded;
    this.watch = watch;
    this.replica = replica;
  }

  @Inject
  @Override
  public void setExecutorService(@Named(TaskExecutors.BLOCKING) ExecutorService executorService) {
    super.setExecutorService(executorService);
  }

  @Override
  protected String getName() {
    return "database";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      details.put("server", "PostgreSQL " + database.serverVersion());
      details.put("mode", embedded.isRunning() ? "embedded" : "external");
      details.put("timescaledb", database.timescaleVersion().orElse("off"));
      // A replica that is down or behind leaves the service up: the primary answers the public.
      if (replica.configured()) {
        details.put("readReplica", replica.health());
      }
      healthStatus = HealthStatus.UP;
    } catch (Exception e) {
      watch.unreachable();
      details.put("error", "unreachable");
      details.put("mode", embedded.isRunning() ? "embedded" : "external");
      details.putAll(watch.outage());
      healthStatus = HealthStatus.DOWN;
    }
    return details;
  }
}
