package org.atalaya.measurement;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.atalaya.shared.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code measurement_rollup} current where the database cannot do it inside the writing
 * transaction. On plain PostgreSQL it is a table kept by triggers and there is nothing to do. On
 * TimescaleDB it is a continuous aggregate, whose refresh runs in transactions of its own: it is
 * called after a write commits, on a connection of its own in auto-commit, and once at start so
 * that rows migrated before the aggregate existed are materialised. Only invalidated buckets are
 * recomputed, so a refresh after a small upload is small. The data version moves once the refresh
 * is in, as it does after the policy's own refreshes (see DataVersion). Only measurement asks for
 * it, after its own writes: nobody outside has to remember.
 */
@Singleton
public class RollupRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(RollupRefresh.class);
  private final DataSource dataSource;
  private final TransactionOperations<Connection> tx;
  private volatile Boolean continuous;

  RollupRefresh(DataSource dataSource, TransactionOperations<Connection> tx) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.tx = tx;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    afterCommit();
  }

  /**
   * Call inside a transaction that changes measurements: the refresh runs once it has committed
   * (never on a rollback), or now when there is no transaction.
   */
  void whenCommitted() {
    var status = tx.findTransactionStatus();
    if (status.isEmpty()) {
      afterCommit();
      return;
    }
    status
        .get()
        .registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                RollupRefresh.this.afterCommit();
              }
            });
  }

  /** Call after (never inside) a transaction that changed measurements has committed. */
  void afterCommit() {
    try (Connection c = dataSource.getConnection()) {
      if (!continuous(c)) {
        return;
      }
      c.setAutoCommit(true);
      try (var s = c.createStatement()) {
        s.execute("CALL refresh_continuous_aggregate('measurement_rollup', NULL, NULL)");
      }
      // The refresh changed what pages read after the write's own version was taken: a page
      // computed in between would stay cached under it. Move the version on (V036).
      DataVersion.moveOn(c);
    } catch (SQLException e) {
      // The aggregate is real-time: answers stay right, only slower, until the next refresh.
      LOG.warn("Refreshing measurement_rollup failed: {}", e.getMessage());
    }
  }

  private boolean continuous(Connection c) throws SQLException {
    if (continuous == null) {
      continuous =
          bool(c, "SELECT atalaya_timescale_enabled() AS answer")
              && bool(
                  c,
                  "SELECT EXISTS (SELECT 1 FROM timescaledb_information.continuous_aggregates"
                      + " WHERE view_name = 'measurement_rollup') AS answer");
    }
    return continuous;
  }

  private static boolean bool(Connection c, String query) throws SQLException {
    try (var s = c.prepareStatement(query);
        var rs = s.executeQuery()) {
      return rs.next() && rs.getBoolean("answer");
    }
  }
}
