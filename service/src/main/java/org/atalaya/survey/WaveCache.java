package org.atalaya.survey;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.atalaya.shared.DataVersion;

/**
 * Survey waves in memory, by data version: each wave's columns ({@link WaveColumns}) read once per
 * wave and {@link DataVersion}, and shared by every estimate, comparison, page and feed. A version
 * is read before the columns, so what is kept under it is never older than it; any write moves the
 * version on and the next read starts afresh (the columns of older versions are dropped then). A
 * request inside a transaction that has written reads its own view and keeps nothing. Waves least
 * recently used are dropped once the columns kept exceed the budget ({@code
 * atalaya.survey.memory-budget-mb}, counted from the arrays' sizes).
 */
@Singleton
class WaveCache {
  private record Key(long waveId, String version) {}

  private final DataSource dataSource;
  private final DataVersion versions;
  private final long budget;
  private final Map<Key, WaveColumns> waves = new ConcurrentHashMap<>();
  private final AtomicLong reads = new AtomicLong();

  @Inject
  WaveCache(
      DataSource dataSource,
      DataVersion versions,
      @Value("${atalaya.survey.memory-budget-mb:256}") long budgetMb) {
    this(dataSource, versions, budgetMb * 1024 * 1024, true);
  }

  /** For tests: a budget in bytes. */
  WaveCache(DataSource dataSource, DataVersion versions, long budgetBytes, boolean bytes) {
    this.dataSource = dataSource;
    this.versions = versions;
    this.budget = budgetBytes;
  }

  /** The columns one estimate needs: {@code weight} is the index among the design's weights. */
  WaveData data(long waveId, int weight, List<String> variables) throws SQLException {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (written()) {
        break;
      }
      String version = versions.current();
      var key = new Key(waveId, version);
      WaveColumns wave = waves.get(key);
      if (wave == null) {
        waves.keySet().removeIf(k -> !k.version().equals(version));
        wave = waves.computeIfAbsent(key, k -> new WaveColumns(waveId, version));
      }
      boolean complete = wave.complete(weight, variables);
      WaveData data = wave.view(dataSource, weight, variables, reads::incrementAndGet);
      if (complete) {
        return data;
      }
      // What was read now must belong to the version it is kept under: no write in between.
      if (versions.current().equals(version)) {
        evict(key);
        return data;
      }
      waves.remove(key, wave);
    }
    return new WaveColumns(waveId, "").view(dataSource, weight, variables, reads::incrementAndGet);
  }

  /** How many times a wave's column was read from the database (tests count them). */
  long reads() {
    return reads.get();
  }

  /** The bytes held now. */
  long bytes() {
    return waves.values().stream().mapToLong(WaveColumns::bytes).sum();
  }

  /** Whether the wave is held, at whatever version. */
  boolean holds(long waveId) {
    return waves.keySet().stream().anyMatch(k -> k.waveId() == waveId);
  }

  /** Least recently used first, until within budget; a wave alone above it is not kept either. */
  private void evict(Key current) {
    while (bytes() > budget && !waves.isEmpty()) {
      var oldest =
          waves.entrySet().stream()
              .min(
                  Comparator.comparing(
                          (Map.Entry<Key, WaveColumns> e) -> e.getKey().equals(current))
                      .thenComparingLong(e -> e.getValue().lastUsed()))
              .orElseThrow();
      waves.remove(oldest.getKey());
    }
  }

  /** Whether the caller's transaction has written: it may see rows nobody else sees yet. */
  private boolean written() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT txid_current_if_assigned() IS NOT NULL AS written");
        var r = s.executeQuery()) {
      return r.next() && r.getBoolean("written");
    }
  }
}
