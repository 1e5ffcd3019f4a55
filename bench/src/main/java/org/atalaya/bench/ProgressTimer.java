package org.atalaya.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Times the two answers to "how is the plan doing as of this date?" in one run: the service's
 * whole-plan progress over HTTP (every indicator's district series from the rollup, targets,
 * status, forecast, roll-ups, JSON), and a hand-written SQL aggregate over the raw measurement rows
 * giving each indicator's district series, latest value, achievement and a least-squares projection
 * to the target date.
 */
final class ProgressTimer {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  private static final String RAW_AGGREGATE =
      """
      WITH series AS (
        SELECT m.indicator_id, m.period_start,
               CASE i.kind WHEN 'COUNT' THEN sum(m.value)
                           WHEN 'RATE' THEN sum(m.numerator) * i.rate_base / sum(m.denominator)
                           ELSE sum(m.numerator) * 100 / sum(m.denominator) END AS value
        FROM measurement m
        JOIN indicator i ON i.id = m.indicator_id
        JOIN action_card c ON c.id = i.action_card_id
        JOIN plan p ON p.id = c.plan_id
        JOIN indicator_source s ON s.id = m.source_id AND s.official
        JOIN territory t ON t.id = m.territory_id
        WHERE p.code = ? AND t.parent_id = p.territory_id AND m.sex = '_T'
          AND m.age_group = '_T' AND m.period_start <= ?
        GROUP BY m.indicator_id, m.period_start, i.kind, i.rate_base),
      latest AS (
        SELECT DISTINCT ON (indicator_id) indicator_id, period_start, value
        FROM series ORDER BY indicator_id, period_start DESC),
      trend AS (
        SELECT indicator_id, regr_slope(value, extract(epoch FROM period_start)) AS slope,
               regr_intercept(value, extract(epoch FROM period_start)) AS intercept
        FROM series GROUP BY indicator_id)
      SELECT l.indicator_id, l.period_start, l.value, g.baseline_value, g.final_value,
             (l.value - g.baseline_value) / nullif(g.final_value - g.baseline_value, 0),
             tr.slope * extract(epoch FROM g.final_date) + tr.intercept
      FROM latest l
      JOIN target g ON g.indicator_id = l.indicator_id AND g.sex = '_T'
      JOIN trend tr ON tr.indicator_id = l.indicator_id
      """;

  private final HttpClient http = Http.client(Duration.ofSeconds(5));
  private final URI progress;
  private final String token;
  private final DataSource dataSource;

  ProgressTimer(URI base, String token, DataSource dataSource) {
    this.progress = base.resolve("/api/progress/plans/" + ProgressPlanData.PLAN + "?asOf=" + AS_OF);
    this.token = token;
    this.dataSource = dataSource;
  }

  record Timing(
      double[] serviceMs, double[] sqlMs, int answerBytes, int sqlRows, boolean sqlCapped) {
    double median(double[] ms) {
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double p90(double[] ms) {
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }
  }

  /**
   * The service's rounds first, then the raw SQL aggregate on one kept-open connection (as the
   * service keeps its pool) until about {@code sqlBudget} seconds are spent, at least once and at
   * most {@code rounds} times. A run longer than {@code sqlCap} seconds is cancelled and counted as
   * the cap (the report then says "more than").
   */
  Timing run(int warmUp, int rounds, double sqlBudget, int sqlCap) throws Exception {
    int bytes = 0;
    for (int i = 0; i < warmUp; i++) {
      bytes = serviceAnswer();
    }
    double[] service = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      serviceAnswer();
      service[i] = (System.nanoTime() - t0) / 1e6;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement aggregate = c.prepareStatement(RAW_AGGREGATE)) {
      try (var s = c.createStatement()) {
        s.execute("SET statement_timeout = '" + sqlCap + "s'");
      }
      List<Double> sql = new ArrayList<>();
      int rows = 0;
      boolean capped = false;
      long start = System.nanoTime();
      while (sql.isEmpty()
          || (sql.size() < rounds && (System.nanoTime() - start) / 1e9 < sqlBudget)) {
        long t0 = System.nanoTime();
        try {
          rows = sqlAnswer(aggregate);
          sql.add((System.nanoTime() - t0) / 1e6);
        } catch (SQLException e) {
          if (!"57014".equals(e.getSQLState())) {
            throw e;
          }
          sql.add(sqlCap * 1000.0);
          capped = true;
          break;
        }
      }
      return new Timing(
          service, sql.stream().mapToDouble(Double::doubleValue).toArray(), bytes, rows, capped);
    }
  }

  private int serviceAnswer() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(progress)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException(
          "GET " + progress + " answered HTTP " + r.statusCode() + ": " + new String(r.body()));
    }
    return r.body().length;
  }

  private static int sqlAnswer(PreparedStatement s) throws SQLException {
    int rows = 0;
    s.setString(1, ProgressPlanData.PLAN);
    s.setDate(2, Date.valueOf(AS_OF));
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }
}
