package org.atalaya.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Runs a scheduled job once across every replica that fires it: each replica's timer claims the
 * job's slot — its fire time rounded to the minute, so clocks a few seconds apart name the same
 * slot — in {@code scheduled_run} (V201), and only the replica whose claim lands runs the job.
 */
@Singleton
public class ScheduledRuns {
  private final DataSource dataSource;
  private final String replica;

  ScheduledRuns(DataSource dataSource) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.replica =
        ManagementFactory.getRuntimeMXBean().getName() + "@" + System.identityHashCode(this);
  }

  /** Whether this replica claimed the job's slot at {@code firedAt}; false: another one did. */
  public boolean claim(String job, Instant firedAt) {
    Instant slot = firedAt.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
    try (var c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "INSERT INTO scheduled_run (job, slot, replica) VALUES (:job, :slot, :replica)"
                    + " ON CONFLICT (job, slot) DO NOTHING")) {
      s.setString("job", job).setTimestamp("slot", slot).setString("replica", replica);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not claim the scheduled run of " + job, e);
    }
  }
}
