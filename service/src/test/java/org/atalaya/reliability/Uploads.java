package org.atalaya.reliability;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A measurements CSV sent the way a slow client sends it: the first rows at once, then nothing
 * until the test says so, so that something can happen to the service or its database mid-COPY.
 */
public final class Uploads {
  public static final int ROWS = 2160;
  static final int FIRST_PART = 1000;

  private Uploads() {}

  /** 2,160 distinct cells: 120 months from 2015 × F/M × nine corregimientos. */
  static String row(String indicator, int i) {
    int month = i / 18;
    int sex = (i / 9) % 2;
    int corregimiento = i % 9 + 1;
    return String.format(
        "%s,%d-%02d,%s,LCH-%02d,%d%n",
        indicator, 2015 + month / 12, month % 12 + 1, sex == 0 ? "F" : "M", corregimiento, i);
  }

  public static String csv(String indicator) {
    var csv = new StringBuilder("indicador,periodo,sexo,territorio,valor\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append(row(indicator, i));
    }
    return csv.toString();
  }

  /** A body that sends the header and the first rows, then waits for {@code rest} to open. */
  public static final class Held extends InputStream {
    public final CountDownLatch firstPartSent = new CountDownLatch(1);
    public final CountDownLatch rest = new CountDownLatch(1);
    private final byte[] first;
    private final byte[] second;
    private int position;

    public Held(String indicator) {
      String all = csv(indicator);
      int cut = nthLine(all, FIRST_PART + 1);
      first = all.substring(0, cut).getBytes(StandardCharsets.UTF_8);
      second = all.substring(cut).getBytes(StandardCharsets.UTF_8);
    }

    private static int nthLine(String text, int lines) {
      int at = 0;
      for (int i = 0; i < lines; i++) {
        at = text.indexOf('\n', at) + 1;
      }
      return at;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position < first.length) {
        int n = Math.min(length, first.length - position);
        System.arraycopy(first, position, buffer, offset, n);
        position += n;
        return n;
      }
      firstPartSent.countDown();
      try {
        if (!rest.await(120, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the upload");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      int at = position - first.length;
      if (at >= second.length) {
        return -1;
      }
      int n = Math.min(length, second.length - at);
      System.arraycopy(second, at, buffer, offset, n);
      position += n;
      return n;
    }
  }

  /** Starts the upload; the answer (or the failure of the connection) completes the future. */
  public static CompletableFuture<HttpResponse<String>> send(
      String baseUrl, String token, String file, Held body) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/measurements/upload?file=" + file))
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build();
    return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Measurements of one indicator, counted in the database itself. */
  public static long count(String jdbcUrl, String user, String password, String indicator)
      throws SQLException {
    try (var c = DriverManager.getConnection(jdbcUrl, user, password);
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id"
                    + " WHERE i.code = ?")) {
      s.setString(1, indicator);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Whether the database shows an upload's COPY in progress (into the staging table or straight
   * in).
   */
  public static boolean copyInProgress(String jdbcUrl, String user, String password)
      throws SQLException {
    try (var c = DriverManager.getConnection(jdbcUrl, user, password);
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY measurement%'");
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  public static void await(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  public interface Check {
    boolean done() throws Exception;
  }
}
