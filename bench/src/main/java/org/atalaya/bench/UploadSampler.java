package org.atalaya.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Every 100 ms during the upload: the heap used (/prometheus, summed over the heap pools), the
 * service's VmRSS, and which statement the service's database session is running
 * (pg_stat_activity), to show where the time goes.
 */
final class UploadSampler implements Runnable {

  static final Duration POLL = Duration.ofMillis(100);
  private static final Pattern HEAP_LINE =
      Pattern.compile("^jvm_memory_(used|max)_bytes\\{([^}]*)}\\s+(\\S+)");

  private final IngestService service;
  private final DataSource database;
  private final long pid;
  private final long t0;
  private volatile boolean running = true;
  private final Map<String, double[]> statements = new LinkedHashMap<>();
  volatile long peakHeap = -1;
  volatile long peakRssKb = -1;
  volatile int samples;

  UploadSampler(IngestService service, DataSource database, long pid, long t0) {
    this.service = service;
    this.database = database;
    this.pid = pid;
    this.t0 = t0;
  }

  void stop() {
    running = false;
  }

  synchronized List<UploadPhase> phases() {
    List<UploadPhase> list = new ArrayList<>();
    statements.forEach((k, v) -> list.add(new UploadPhase(k, v[0], v[1], (int) v[2])));
    return list;
  }

  private synchronized void activity(Statement s) {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT query FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'active' AND backend_type = 'client backend'"
                + " AND pid <> pg_backend_pid()")) {
      double at = Figures.seconds(System.nanoTime() - t0);
      while (rs.next()) {
        String q = rs.getString(1).replaceAll("\\s+", " ").trim();
        String key = q.length() > 70 ? q.substring(0, 67) + "..." : q;
        double[] v = statements.computeIfAbsent(key, k -> new double[] {at, at, 0});
        v[1] = at;
        v[2]++;
      }
    } catch (SQLException e) {
      // a missed sample
    }
  }

  @Override
  public void run() {
    HttpRequest request = Http.get(service.base().resolve("/prometheus"), Duration.ofSeconds(5));
    Connection connection = null;
    Statement statement = null;
    try {
      connection = database.getConnection();
      statement = connection.createStatement();
    } catch (SQLException e) {
      // no phases then
    }
    long next = System.nanoTime();
    while (running) {
      if (statement != null) {
        activity(statement);
      }
      try {
        sampleHeap(request);
      } catch (IOException e) {
        // a missed sample; the next one may answer
      } catch (InterruptedException e) {
        break;
      }
      peakRssKb = Math.max(peakRssKb, ProcFs.statusKb(pid, "VmRSS:", -1));
      next += POLL.toNanos();
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        } catch (InterruptedException e) {
          break;
        }
      } else {
        next = System.nanoTime();
      }
    }
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // closing only
    }
  }

  private void sampleHeap(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> r =
        service.http().send(request, HttpResponse.BodyHandlers.ofLines());
    long used = 0;
    long max = 0;
    boolean seen = false;
    try (Stream<String> lines = r.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = HEAP_LINE.matcher(line);
        if (m.find() && m.group(2).contains("area=\"heap\"")) {
          long v = (long) Double.parseDouble(m.group(3));
          if (m.group(1).equals("used")) {
            used += v;
            seen = true;
          } else if (v > 0) {
            max += v;
          }
        }
      }
    }
    if (seen) {
      peakHeap = Math.max(peakHeap, used);
      samples++;
    }
    if (max > 0) {
      service.heapMaxBytes(max);
    }
  }
}
