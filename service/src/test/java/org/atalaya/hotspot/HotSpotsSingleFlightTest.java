package org.atalaya.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.atalaya.indicator.Sex;
import org.atalaya.publication.Audience;
import org.atalaya.shared.DataVersion;
import org.junit.jupiter.api.Test;

/**
 * Many pages asking for the same hot spots right after a change compute them once: while the
 * measurements are locked, PostgreSQL holds exactly one statement of theirs waiting (one
 * computation), not one per page; once released, every page gets that one answer.
 */
@MicronautTest(environments = "test", transactional = false)
class HotSpotsSingleFlightTest {
  static final int PAGES = 6;

  @Inject HotSpots hotSpots;
  @Inject DataSource dataSource;
  @Inject TransactionOperations<Connection> transactions;

  @Test
  void concurrentFirstRequestsAfterAChangeComputeOnce() throws Exception {
    transactions.executeWrite(
        status -> {
          DataVersion.moveOn(status.getConnection());
          return null;
        });
    ExecutorService pool = Executors.newFixedThreadPool(PAGES);
    List<Future<HotSpots.Found>> answers = new ArrayList<>();
    try (Connection lock = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
      lock.setAutoCommit(false);
      try {
        try (var s = lock.createStatement()) {
          s.execute("LOCK TABLE measurement IN ACCESS EXCLUSIVE MODE");
        }
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < PAGES; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return hotSpots.of(
                        "VD-DENUNCIAS", LocalDate.of(2026, 5, 31), Sex.M, Audience.PUBLIC);
                  }));
        }
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (blockedBy(lock) == 0 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        Thread.sleep(1_500); // time for every page to reach the database, if it would
        assertThat(blockedBy(lock))
            .as("statements waiting on the locked measurements")
            .isEqualTo(1);
      } finally {
        lock.rollback();
      }
    }
    HotSpots.Found first = answers.get(0).get(120, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    for (Future<HotSpots.Found> answer : answers) {
      assertThat(answer.get(120, TimeUnit.SECONDS)).as("one computed answer").isSameAs(first);
    }
    pool.shutdown();
  }

  /** Backends whose statement waits for the lock this connection holds. */
  private int blockedBy(Connection lock) throws SQLException {
    try (var s =
            lock.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))");
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
