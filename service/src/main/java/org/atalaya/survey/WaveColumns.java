package org.atalaya.survey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.survey.estimate.SurveyDesign;

/**
 * A wave's microdata at one data version, as columns: each weight asked for, strata and PSUs as
 * dense codes (PSU codes unique across strata; without strata everyone is in stratum 0, without
 * PSUs every respondent is its own), sex, territory and age group, and each answered variable once
 * asked for. Each part is read from the database once, by whichever request first needs it, while
 * the others wait for that same read. Never changed once read: requests share it.
 */
final class WaveColumns {
  private static final String BASE = "base";

  /** The design columns, read together. */
  record Base(int[] strata, int[] psus, Column sex, Column territory, Column age) {
    int size() {
      return strata.length;
    }
  }

  final long waveId;
  final String version;
  private final Map<String, CompletableFuture<Object>> parts = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long lastUsed = System.nanoTime();

  WaveColumns(long waveId, String version) {
    this.waveId = waveId;
    this.version = version;
  }

  long bytes() {
    return bytes.get();
  }

  long lastUsed() {
    return lastUsed;
  }

  /** Whether reading this view needs anything not yet read (or still being read). */
  boolean complete(int weight, List<String> variables) {
    if (!done(BASE) || !done("weight:" + weight) || !done("design:" + weight)) {
      return false;
    }
    return variables.stream().allMatch(v -> done("var:" + v));
  }

  private boolean done(String key) {
    var f = parts.get(key);
    return f != null && f.isDone() && !f.isCompletedExceptionally();
  }

  /** The view one estimate reads; reads what is missing, on {@code dataSource}. */
  WaveData view(DataSource dataSource, int weight, List<String> variables, Runnable counter)
      throws SQLException {
    lastUsed = System.nanoTime();
    Base base = part(BASE, () -> readBase(dataSource, counter));
    if (base.size() == 0) {
      return new WaveData(
          new double[0],
          new int[0],
          new int[0],
          base.sex(),
          base.territory(),
          base.age(),
          Map.of(),
          null);
    }
    double[] weights = part("weight:" + weight, () -> readWeight(dataSource, weight, counter));
    SurveyDesign design =
        part(
            "design:" + weight,
            () -> {
              var d = new SurveyDesign(weights, base.strata(), base.psus());
              // The design's own copies and the estimator's index of it (order, sums by PSU).
              bytes.addAndGet(40L * base.size());
              return d;
            });
    Map<String, Column> columns = new HashMap<>();
    for (String v : variables) {
      columns.put(v, part("var:" + v, () -> readVariable(dataSource, v, base.size(), counter)));
    }
    return new WaveData(
        design.weights(),
        design.strata(),
        design.psus(),
        base.sex(),
        base.territory(),
        base.age(),
        columns,
        design);
  }

  private interface Read<T> {
    T read() throws SQLException;
  }

  @SuppressWarnings("unchecked")
  private <T> T part(String key, Read<T> read) throws SQLException {
    var mine = new CompletableFuture<Object>();
    var existing = parts.putIfAbsent(key, mine);
    if (existing == null) {
      try {
        mine.complete(read.read());
      } catch (SQLException | RuntimeException e) {
        parts.remove(key, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      return (T) mine.join();
    }
    try {
      return (T) existing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while another request read the wave", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new SQLException(e.getCause());
    }
  }

  private Base readBase(DataSource dataSource, Runnable counter) throws SQLException {
    counter.run();
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT stratum, psu, sex, territory, age_group"
                    + " FROM survey_respondent WHERE wave_id = :wave ORDER BY row_no")) {
      s.setLong("wave", waveId).jdbc().setFetchSize(10_000);
      var strata = new Column.Builder();
      var psus = new Column.Builder();
      var sex = new Column.Builder();
      var territory = new Column.Builder();
      var age = new Column.Builder();
      int n = 0;
      try (var r = s.executeQuery()) {
        while (r.next()) {
          String stratum = r.getString("stratum");
          strata.add(stratum == null ? "" : stratum);
          String psu = r.getString("psu");
          // A PSU is named within its stratum, so equal labels in two strata stay two clusters.
          psus.add(psu == null ? "#" + n : (stratum == null ? "" : stratum) + "\u0000" + psu);
          sex.add(r.getString("sex"));
          territory.add(r.getString("territory"));
          age.add(r.getString("age_group"));
          n++;
        }
      }
      Column sexes = sex.build();
      Column territories = territory.build();
      Column ages = age.build();
      var base = new Base(strata.build().codes(), psus.build().codes(), sexes, territories, ages);
      bytes.addAndGet(8L * n + sexes.bytes() + territories.bytes() + ages.bytes());
      return base;
    }
  }

  /** One weight (its index among the design's), as the design reads it. */
  private double[] readWeight(DataSource dataSource, int weight, Runnable counter)
      throws SQLException {
    counter.run();
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT weights[:weight] AS weight FROM survey_respondent WHERE wave_id = :wave"
                    + " ORDER BY row_no")) {
      s.setInt("weight", weight + 1).setLong("wave", waveId).jdbc().setFetchSize(10_000);
      double[] values = new double[1024];
      int n = 0;
      try (var r = s.executeQuery()) {
        while (r.next()) {
          if (n == values.length) {
            values = java.util.Arrays.copyOf(values, n * 2);
          }
          values[n++] = r.getDouble("weight");
        }
      }
      bytes.addAndGet(8L * n);
      return java.util.Arrays.copyOf(values, n);
    }
  }

  private Column readVariable(DataSource dataSource, String variable, int size, Runnable counter)
      throws SQLException {
    counter.run();
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT answers ->> :variable AS answer FROM survey_respondent WHERE wave_id = :wave"
                    + " ORDER BY row_no")) {
      s.setString("variable", variable).setLong("wave", waveId).jdbc().setFetchSize(10_000);
      var column = new Column.Builder();
      try (var r = s.executeQuery()) {
        while (r.next()) {
          column.add(r.getString("answer"));
        }
      }
      Column built = column.build();
      if (built.size() != size) {
        throw new SQLException("the wave changed while it was read");
      }
      bytes.addAndGet(built.bytes());
      return built;
    }
  }
}
