package org.atalaya.shared;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Answers kept per key until the data changes ({@link DataVersion}), computed once per key and
 * version: when many requests arrive after a change, one computes and the others wait for its
 * answer instead of each computing the same one. An answer is only ever given for the version read
 * before it was computed, or a newer one; a computation that fails is forgotten, so the next caller
 * tries again. Callers inside a transaction must not use it (their writes are not everyone's).
 *
 * @param <K> the key (a record)
 * @param <V> the answer; may be null
 */
public final class PerVersion<K, V> {
  /** A computation that may read the database. */
  @FunctionalInterface
  public interface Compute<V> {
    V get() throws SQLException;
  }

  private record Entry<V>(String version, CompletableFuture<V> answer) {}

  private final DataVersion versions;
  private final int max;
  private final Map<K, Entry<V>> kept = new ConcurrentHashMap<>();

  /**
   * @param max answers kept at most; beyond, the memory starts afresh
   */
  public PerVersion(DataVersion versions, int max) {
    this.versions = versions;
    this.max = max;
  }

  /** The answer for the current data version, computed here or by the caller already at it. */
  public V get(K key, Compute<V> compute) throws SQLException {
    String version = versions.current();
    while (true) {
      Entry<V> e = kept.get(key);
      if (e != null && !DataVersion.older(e.version(), version)) {
        // The same version, or a newer one another caller read after ours: both are fresh enough.
        if (!e.answer().isCompletedExceptionally()) {
          return await(e);
        }
        kept.remove(key, e);
        continue;
      }
      Entry<V> mine = new Entry<>(version, new CompletableFuture<>());
      boolean ours = e == null ? kept.putIfAbsent(key, mine) == null : kept.replace(key, e, mine);
      if (!ours) {
        continue;
      }
      if (kept.size() > max) {
        kept.clear();
        kept.put(key, mine);
      }
      try {
        V value = compute.get();
        mine.answer().complete(value);
        return value;
      } catch (SQLException | RuntimeException | Error ex) {
        kept.remove(key, mine);
        mine.answer().completeExceptionally(ex);
        throw ex;
      }
    }
  }

  /** How many answers are kept (for tests). */
  int size() {
    return kept.size();
  }

  private static <V> V await(Entry<V> e) throws SQLException {
    try {
      return e.answer().get();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an answer", ex);
    } catch (ExecutionException ex) {
      // Another caller's computation failed: the same failure, here too.
      Throwable cause = ex.getCause();
      if (cause instanceof SQLException s) {
        throw s;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
