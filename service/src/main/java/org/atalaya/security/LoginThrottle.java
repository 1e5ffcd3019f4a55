package org.atalaya.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per client address: after {@code max-failures} within {@code window} the address is
 * refused until the oldest of them leaves the window, whichever usernames it tried — guessing one
 * password for many accounts gets as far as guessing many for one. Successful logins neither count
 * nor wipe the record (an attacker with one account of their own must not reset it). The failures
 * live in the database ({@code login_failure}, V200), so every replica behind the load balancer
 * counts the same guesses; failures older than the window are deleted as new ones arrive, so a
 * flood of addresses costs rows for ten minutes, not for ever.
 */
@Singleton
public class LoginThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_ADDRESS = 64;

  private final DataSource dataSource;
  private final int maxFailures;
  private final Duration window;

  LoginThrottle(
      DataSource dataSource,
      @Value("${atalaya.login-throttle.max-failures:20}") int maxFailures,
      @Value("${atalaya.login-throttle.window:10m}") Duration window) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** How long the address must wait before trying again, or empty when it may try now. */
  public Optional<Duration> retryAfter(String address, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      Instant oldest = oldestOfLast(c, key(address), now);
      return oldest == null ? Optional.empty() : Optional.of(Duration.between(now, wait(oldest)));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the failed logins", e);
    }
  }

  /** Counts a failed login from the address; logs when the address starts being refused. */
  public void failed(String address, Instant now) {
    String key = key(address);
    try (Connection c = dataSource.getConnection();
        var purge =
            NamedStatement.prepare(c, "DELETE FROM login_failure WHERE failed_at <= :before");
        var add =
            NamedStatement.prepare(
                c, "INSERT INTO login_failure (address, failed_at) VALUES (:address, :at)")) {
      purge.setTimestamp("before", now.minus(window)).executeUpdate();
      add.setString("address", key).setTimestamp("at", now).executeUpdate();
      Instant oldest = oldestOfLast(c, key, now);
      if (oldest != null && recent(c, key, now) == maxFailures) {
        LOG.warn(
            "Login refused for client address {} for up to {} s: {} failed logins within {} s",
            key,
            Duration.between(now, wait(oldest)).toSeconds(),
            maxFailures,
            window.toSeconds());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the failed login", e);
    }
  }

  private Instant wait(Instant oldest) {
    return oldest.plus(window);
  }

  /**
   * The oldest of the address's last {@code max-failures} failures within the window, when it has
   * that many; null otherwise (it may try).
   */
  private Instant oldestOfLast(Connection c, String key, Instant now) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c,
            """
            SELECT failed_at FROM login_failure
            WHERE address = :address AND failed_at > :since
            ORDER BY failed_at DESC OFFSET :skip LIMIT 1
            """)) {
      s.setString("address", key).setTimestamp("since", now.minus(window));
      return s.setInt("skip", maxFailures - 1)
          .first(rs -> rs.getTimestamp("failed_at").toInstant())
          .orElse(null);
    }
  }

  private int recent(Connection c, String key, Instant now) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c,
            "SELECT count(*) AS n FROM login_failure WHERE address = :address AND failed_at > :since")) {
      s.setString("address", key).setTimestamp("since", now.minus(window));
      return s.first(rs -> rs.getInt("n")).orElseThrow();
    }
  }

  private static String key(String address) {
    return address.length() <= MAX_ADDRESS ? address : address.substring(0, MAX_ADDRESS);
  }
}
