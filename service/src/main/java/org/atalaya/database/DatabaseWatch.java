package org.atalaya.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the database between requests. An embedded server that dies under the service is started
 * again on the same port and directory (the pool then reconnects by itself); an external one is
 * probed until it answers. Meanwhile requests are answered 503 with a {@code Retry-After} that is
 * honest: a few seconds while an embedded restart runs, growing with the outage for a server the
 * service cannot restart — an external one, or an embedded one that is alive but does not answer
 * (hung, stopped, out of connections: nothing here knows how long that lasts). /health says why.
 */
@Singleton
public class DatabaseWatch {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
  static final int RESTART_RETRY_SECONDS = 5;
  static final int LONGEST_RETRY_SECONDS = 300;

  /**
   * A request may notice a death before the watch does (it looks every second); until then the
   * outage is taken for a restart about to begin.
   */
  static final int NOTICE_SECONDS = 3;

  private static final String HUNG =
      "the embedded database is running but does not answer (hung, stopped or out of"
          + " connections); waiting for it";

  private final EmbeddedDatabase embedded;
  private final DatasourceConfiguration datasource;
  private volatile List<ProcessHandle> lastSeen = List.of();
  private volatile Instant downSince;
  private volatile String reason;
  private volatile boolean restarting;
  private volatile int failedRestarts;
  private volatile boolean restartedThisOutage;

  DatabaseWatch(EmbeddedDatabase embedded, @Named("default") DatasourceConfiguration datasource) {
    this.embedded = embedded;
    this.datasource = datasource;
  }

  /** A request or a health check could not reach the database. */
  public void unreachable() {
    if (downSince == null) {
      downSince = Instant.now();
      reason =
          embedded.isRunning()
              ? "the embedded database does not answer"
              : "the external database does not answer; waiting for it";
      LOG.warn("Database unreachable: {}", reason);
    }
  }

  /** Seconds a client should wait before trying again. */
  public int retryAfterSeconds() {
    Instant since = downSince;
    if (since == null) {
      return RESTART_RETRY_SECONDS;
    }
    long away = Duration.between(since, Instant.now()).toSeconds();
    if (restartUnderWay(away)) {
      // The watch restarts an embedded server within a second of its death; that takes a few
      // seconds.
      return RESTART_RETRY_SECONDS;
    }
    // Nobody here can bring the server back: the longer it has been away, the longer to wait.
    return (int) Math.min(LONGEST_RETRY_SECONDS, Math.max(RESTART_RETRY_SECONDS, away));
  }

  private boolean restartUnderWay(long away) {
    return embedded.isRunning()
        && failedRestarts == 0
        && (restartedThisOutage || away < NOTICE_SECONDS);
  }

  /** What /health adds while the database is away. */
  public Map<String, Object> outage() {
    Map<String, Object> details = new LinkedHashMap<>();
    Instant since = downSince;
    if (since != null) {
      details.put("reason", reason);
      details.put("downSince", since.toString());
      details.put("retryAfterSeconds", retryAfterSeconds());
    }
    return details;
  }

  @Scheduled(initialDelay = "1s", fixedDelay = "${atalaya.database.watch-interval:1s}")
  void check() {
    if (embedded.died()) {
      restartEmbedded();
    } else if (embedded.isRunning()) {
      lastSeen = embedded.processes();
    }
    Instant since = downSince;
    if (since != null && !restarting && answers()) {
      LOG.info(
          "Database reachable again after {} s",
          Duration.between(since, Instant.now()).toSeconds());
      downSince = null;
      reason = null;
      restartedThisOutage = false;
    } else if (since != null
        && embedded.isRunning()
        && !restartedThisOutage
        && !restartUnderWay(Duration.between(since, Instant.now()).toSeconds())
        && !HUNG.equals(reason)) {
      reason = HUNG;
      LOG.warn("Database unreachable: {}", reason);
    }
  }

  private void restartEmbedded() {
    if (downSince == null) {
      downSince = Instant.now();
    }
    restarting = true;
    reason =
        failedRestarts == 0
            ? "the embedded database stopped; restarting it"
            : "the embedded database stopped; restart failed "
                + failedRestarts
                + " times, retrying";
    LOG.error("The embedded PostgreSQL died under the service: restarting it");
    try {
      embedded.restart(lastSeen);
      failedRestarts = 0;
      restartedThisOutage = true;
    } catch (RuntimeException e) {
      failedRestarts++;
      LOG.error("Restarting the embedded PostgreSQL failed ({} times)", failedRestarts, e);
    } finally {
      restarting = failedRestarts > 0;
    }
  }

  private boolean answers() {
    Properties props = new Properties();
    if (datasource.getUsername() != null) {
      props.setProperty("user", datasource.getUsername());
    }
    if (datasource.getPassword() != null) {
      props.setProperty("password", datasource.getPassword());
    }
    props.setProperty("connectTimeout", "3");
    props.setProperty("socketTimeout", "5");
    try (var c = DriverManager.getConnection(datasource.getUrl(), props);
        var s = c.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
