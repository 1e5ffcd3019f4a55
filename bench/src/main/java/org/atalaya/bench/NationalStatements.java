package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Which of the service's statements took longer on the national database than on the demo-sized
 * one, from pg_stat_statements over the timed rounds (the same normalised text in both databases),
 * with the generic plans of the worst three: a path that grows with the whole database instead of
 * the district's own data shows here.
 */
final class NationalStatements {
  private static final double MIN_MEAN_MS = 0.5;
  private static final double GROWTH = 1.5;
  private static final int SHOWN = 12;
  private static final int PLANS = 3;

  private final DataSource postgres;

  NationalStatements(DataSource postgres) {
    this.postgres = postgres;
  }

  /**
   * As {@link BenchPostgres#start}, the same durable settings, with pg_stat_statements loaded (its
   * cost is the same for both databases).
   */
  static EmbeddedPostgres startServer(Path dataDir) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(true)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setLocaleConfig("locale", "C.UTF-8")
        .setServerConfig("max_connections", "100")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        .start();
  }

  void reset() throws SQLException {
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  record Row(String query, long smallCalls, double smallMs, long largeCalls, double largeMs) {
    double ratio() {
      return smallMs > 0 ? largeMs / smallMs : Double.NaN;
    }
  }

  /** {@code largeDb} in simple query mode: EXPLAIN (GENERIC_PLAN) of a text with $1 in it. */
  void print(String small, String large, DataSource largeDb) throws SQLException {
    Map<String, double[]> byQuery = new HashMap<>();
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT d.datname, s.query, s.calls, s.total_exec_time"
                    + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                    + " WHERE d.datname IN ('"
                    + small
                    + "', '"
                    + large
                    + "') AND s.toplevel")) {
      while (rs.next()) {
        double[] v = byQuery.computeIfAbsent(rs.getString(2), k -> new double[4]);
        int at = rs.getString(1).equals(small) ? 0 : 2;
        v[at] += rs.getLong(3);
        v[at + 1] += rs.getDouble(4);
      }
    }
    List<Row> rows = new ArrayList<>();
    byQuery.forEach(
        (q, v) -> {
          if (v[0] > 0 && v[2] > 0) {
            rows.add(new Row(q, (long) v[0], v[1] / v[0], (long) v[2], v[3] / v[2]));
          }
        });
    List<Row> grown =
        rows.stream()
            .filter(r -> r.largeMs() >= MIN_MEAN_MS && r.ratio() >= GROWTH)
            .sorted((x, y) -> Double.compare(y.largeMs() - y.smallMs(), x.largeMs() - x.smallMs()))
            .toList();
    OUT.println();
    OUT.printf(
        "Statements of the timed rounds (pg_stat_statements, same text in both databases):"
            + " %d in both; %d with a mean of %.1f ms or more on the national database that is"
            + " %.1f× or more the demo-sized mean%n",
        rows.size(), grown.size(), MIN_MEAN_MS, GROWTH);
    if (grown.isEmpty()) {
      OUT.println("  none: every statement's time stayed with the district's own data");
      return;
    }
    OUT.printf("%10s %12s %12s %8s  %s%n", "calls", "demo-sized", "national", "ratio", "statement");
    for (Row r : grown.subList(0, Math.min(SHOWN, grown.size()))) {
      OUT.printf(
          "%10d %9.2f ms %9.2f ms %7.1f×  %s%n",
          r.largeCalls(), r.smallMs(), r.largeMs(), r.ratio(), oneLine(r.query(), 220));
    }
    for (Row r : grown.subList(0, Math.min(PLANS, grown.size()))) {
      OUT.println();
      OUT.println(
          "Generic plan on the national database (EXPLAIN (GENERIC_PLAN)) of: "
              + oneLine(r.query(), 120));
      try (Connection c = largeDb.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("EXPLAIN (GENERIC_PLAN) " + r.query())) {
        while (rs.next()) {
          OUT.println("  " + rs.getString(1));
        }
      } catch (SQLException e) {
        OUT.println("  (no plan: " + e.getMessage() + ")");
      }
    }
  }

  private static String oneLine(String q, int max) {
    String s = q.replaceAll("\\s+", " ").trim();
    return s.length() > max ? s.substring(0, max) + "…" : s;
  }
}
