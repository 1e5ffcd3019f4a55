package org.atalaya.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL streaming replica ({@code ATALAYA_DATABASE_REPLICA_URL}) that answers the public's
 * reads when one is configured. Once a second {@link #poll} decides where the public's pages are
 * computed — on the replica while it answers and has replayed what the primary wrote more than
 * {@code max-lag} ago, else on the primary — and reads the data version from that same server, so a
 * page is kept under a version its data is at least as new as. Work marked {@link #READ} (an
 * anonymous GET while the replica is in use) takes its connections from the replica; everything
 * else — signed-in people, every write, the login — from the primary. Marked work whose replica
 * connection fails is answered by the primary (newer data, never older than the version said).
 */
@Singleton
public class ReadReplica {
  private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);

  /** Marks work whose reads come from the replica. */
  public static final PropagatedContextElement READ = new Read();

  private record Read() implements PropagatedContextElement {}

  /**
   * Where the public's pages are computed now, and the data version read there. {@code generation}
   * moves on whenever the source changes, so nothing kept under the other source's version is
   * served again.
   */
  public record Source(boolean replica, long generation, String version, @Nullable String reason) {
    /** The version as the page cache keys on it. */
    public String key() {
      return (replica ? "r" : "p") + generation + ":" + version;
    }
  }

  /** Reads the data version on a given server's connection (the shared data version's). */
  @FunctionalInterface
  public interface VersionReader {
    String read(Connection c) throws SQLException;
  }

  // Looked up when first polled: the datasource's own creation asks for this bean (routing).
  private final Provider<DataSource> primaries;
  private final HikariDataSource pool;
  private final Duration maxLag;
  private final Deque<long[]> primaryPositions = new ArrayDeque<>();
  private final AtomicLong fromReplica = new AtomicLong();
  private final AtomicLong fellBack = new AtomicLong();
  private volatile Source source;

  ReadReplica(
      Provider<DataSource> primaries,
      @Value("${atalaya.database.replica.url:}") String url,
      @Value("${atalaya.database.replica.username:}") String username,
      @Value("${atalaya.database.replica.password:}") String password,
      @Value("${atalaya.database.replica.pool-size:10}") int poolSize,
      @Value("${atalaya.database.replica.max-lag:10s}") Duration maxLag) {
    this.primaries = primaries;
    this.maxLag = maxLag;
    if (url.isBlank()) {
      pool = null;
      return;
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("read-replica");
    config.setJdbcUrl(url);
    if (!username.isBlank()) {
      config.setUsername(username);
    }
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setReadOnly(true);
    config.setConnectionTimeout(1_000);
    config.setValidationTimeout(1_000);
    // A replica that is down at start is no reason to refuse to start: the primary answers.
    config.setInitializationFailTimeout(-1);
    pool = new HikariDataSource(config);
    LOG.info("Anonymous reads go to the read replica at {} while it keeps up", url);
  }

  public boolean configured() {
    return pool != null;
  }

  /** The source decided by the last poll; null before the first. */
  @Nullable
  public Source source() {
    return source;
  }

  /**
   * Decides where the public's pages are computed and reads the data version there (call it from
   * one background thread, e.g. once a second).
   */
  public synchronized Source poll(VersionReader versions) throws SQLException {
    DataSource primary = DelegatingDataSource.unwrapDataSource(primaries.get());
    Source last = source;
    long generation = last == null ? 0 : last.generation();
    if (pool == null) {
      source = new Source(false, generation, versionOf(primary, versions), null);
      return source;
    }
    long now = System.nanoTime();
    String reason;
    try (Connection c = primary.getConnection()) {
      primaryPositions.addLast(new long[] {now, position(c, "pg_current_wal_lsn()")});
    }
    while (primaryPositions.size() > 1
        && now - primaryPositions.peekFirst()[0] > 2 * maxLag.toNanos() + 5_000_000_000L) {
      primaryPositions.removeFirst();
    }
    try (Connection c = pool.getConnection()) {
      long replayed = position(c, "pg_last_wal_replay_lsn()");
      reason = lagging(replayed, now);
      if (reason == null) {
        String version = versions.read(c);
        long g = last != null && last.replica() ? generation : generation + 1;
        source = new Source(true, g, version, null);
        return source;
      }
    } catch (SQLException e) {
      reason = "unreachable: " + e.getMessage();
    }
    if (last == null || last.replica()) {
      LOG.warn("The read replica is not used for now ({}): the primary answers", reason);
    }
    long g = last != null && !last.replica() ? generation : generation + 1;
    source = new Source(false, g, versionOf(primary, versions), reason);
    return source;
  }

  /**
   * Why the replica is too far behind, or null: a position the primary had max-lag ago is missing.
   */
  @Nullable
  private String lagging(long replayed, long now) {
    if (replayed < 0) {
      return null; // not a standby (a copy, or the primary itself): nothing to wait for
    }
    for (long[] sample : primaryPositions) {
      if (now - sample[0] >= maxLag.toNanos() && sample[1] > replayed) {
        return "lagging more than " + maxLag.toSeconds() + " s";
      }
    }
    return null;
  }

  private static String versionOf(DataSource dataSource, VersionReader versions)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return versions.read(c);
    }
  }

  /** A WAL position as a number; -1 when the server has none (replay on a primary). */
  private static long position(Connection c, String function) throws SQLException {
    try (var s =
            c.prepareStatement(
                "SELECT coalesce((" + function + " - '0/0'::pg_lsn)::bigint, -1) AS at");
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getLong("at");
    }
  }

  /** A connection for the current work: the replica's when the work is marked and it answers. */
  Connection connection(DataSource primaryPool) throws SQLException {
    if (pool == null || !marked()) {
      return primaryPool.getConnection();
    }
    try {
      Connection c = pool.getConnection();
      fromReplica.incrementAndGet();
      return c;
    } catch (SQLException e) {
      fellBack.incrementAndGet();
      LOG.debug("Read replica not answering ({}): the primary answers", e.getMessage());
      return primaryPool.getConnection();
    }
  }

  private static boolean marked() {
    return PropagatedContext.find().flatMap(c -> c.find(Read.class)).isPresent();
  }

  /** What /health says of the replica: configured or not, in use or why not, connections served. */
  public Map<String, Object> health() {
    Map<String, Object> details = new LinkedHashMap<>();
    if (pool == null) {
      details.put("configured", false);
      return details;
    }
    Source s = source;
    details.put("configured", true);
    details.put("inUse", s != null && s.replica());
    if (s != null && s.reason() != null) {
      details.put("primaryAnswersBecause", s.reason());
    }
    details.put("maxLagSeconds", maxLag.toSeconds());
    details.put("connectionsServed", fromReplica.get());
    details.put("fellBackToPrimary", fellBack.get());
    return details;
  }

  /** Connections the replica handed out to marked work, and those the primary gave instead. */
  public long[] answered() {
    return new long[] {fromReplica.get(), fellBack.get()};
  }

  @PreDestroy
  void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
