package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * How many SQL statements one request costs the database, counted by pg_stat_statements over a few
 * sequential requests after the timed rounds (the server must preload it: {@link
 * NationalStatements#startServer}); prints the total per request and the statements called most, so
 * a lookup made once per indicator shows as a call count near the plan's indicator count.
 */
final class StatementsPerRequest {
  private static final int REQUESTS = 10;
  private static final int SHOWN = 8;

  private final DataSource database;
  private final String name;
  private final HttpClient http = Http.client(Duration.ofSeconds(5));

  /**
   * @param database the service's database, read through a superuser connection
   * @param name that database's name
   */
  StatementsPerRequest(DataSource database, String name) {
    this.database = database;
    this.name = name;
  }

  /** Counts the statements of {@value #REQUESTS} GETs of {@code uri}; says so when it cannot. */
  void print(String label, URI uri, String token) {
    try {
      try (Connection c = database.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
      // One unmeasured request first: a cache kept per data version is then as warm as in the
      // timed rounds.
      get(uri, token);
      try (Connection c = database.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SELECT pg_stat_statements_reset()");
      }
      for (int i = 0; i < REQUESTS; i++) {
        get(uri, token);
      }
      report(label);
    } catch (Exception e) {
      OUT.printf("%nStatements per request of %s: not counted (%s)%n", label, e.getMessage());
    }
  }

  private void get(URI uri, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " answered HTTP " + r.statusCode());
    }
  }

  private void report(String label) throws SQLException {
    String where =
        " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '"
            + name
            + "' AND s.toplevel AND s.query NOT ILIKE '%pg_stat_statements%'";
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(sum(s.calls), 0), coalesce(sum(total_exec_time), 0)" + where)) {
        rs.next();
        OUT.printf(
            "%nStatements per request of %s (pg_stat_statements over %d sequential requests): %.1f,"
                + " %.2f ms of database time%n",
            label, REQUESTS, rs.getLong(1) / (double) REQUESTS, rs.getDouble(2) / REQUESTS);
      }
      OUT.printf("%10s %12s  %s%n", "calls/req", "ms/req", "statement (most called first)");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT s.calls, s.total_exec_time, s.query"
                  + where
                  + " ORDER BY s.calls DESC, s.total_exec_time DESC LIMIT "
                  + SHOWN)) {
        while (rs.next()) {
          OUT.printf(
              "%10.1f %9.2f ms  %s%n",
              rs.getLong(1) / (double) REQUESTS,
              rs.getDouble(2) / REQUESTS,
              oneLine(rs.getString(3)));
        }
      }
    }
  }

  private static String oneLine(String q) {
    String s = q.replaceAll("\\s+", " ").trim();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
