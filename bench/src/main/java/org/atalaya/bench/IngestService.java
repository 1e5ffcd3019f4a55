package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under the ingest benchmark: one launch for the whole run, with the demo plan, a GC
 * log, and an admin whose password only the bench knows.
 */
final class IngestService {

  static final String ADMIN = "admin";
  private static final String PLAN = "LCH-PISCC-2025";
  private static final Pattern CHANGE_ID = Pattern.compile("^\\{\"id\":(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final IngestOptions options;
  private final Path jar;
  private final Path dir;
  private final Path log;
  private final Path gcLog;
  private final HttpClient http = Http.client(Duration.ofSeconds(2));
  private final String adminPassword = ServiceProcess.randomSecret(18);
  private volatile Process process;
  private URI base;
  private volatile long heapMaxBytes = -1;

  IngestService(IngestOptions options, Path jar, Path workRoot) {
    this.options = options;
    this.jar = jar;
    this.dir = workRoot.resolve("service");
    this.log = workRoot.resolve("service.log");
    this.gcLog = workRoot.resolve("gc.log");
  }

  /**
   * Starts the service on a database of this host's PostgreSQL; null once healthy, else why not.
   */
  String start(int postgresPort, String database) throws Exception {
    int port = ServiceProcess.freePort();
    base = URI.create("http://localhost:" + port);
    List<String> jvmArgs = new ArrayList<>();
    jvmArgs.add("-Xmx" + options.xmx());
    // GC events, to know the true heap peak (heap used just before each collection).
    jvmArgs.add("-Xlog:gc:file=" + gcLog);
    jvmArgs.addAll(options.jvmArgs());
    Files.createDirectories(dir);
    ProcessBuilder pb =
        ServiceProcess.builder(
            ServiceProcess.command(jvmArgs, jar), dir, log, port, ServiceProcess.randomSecret(48));
    pb.environment().put("ATALAYA_ADMIN_USERNAME", ADMIN);
    pb.environment().put("ATALAYA_ADMIN_PASSWORD", adminPassword);
    pb.environment().put("ATALAYA_DEMO", "true");
    ServiceProcess.useDatabase(pb.environment(), postgresPort, database);
    long t0 = System.nanoTime();
    Process p = pb.start();
    process = p;
    String notHealthy =
        ServiceProcess.awaitHealthy(http, p, base.resolve("/health"), t0, options.healthTimeout());
    if (notHealthy == null) {
      OUT.printf(
          "Service started (pid %d, port %d) and healthy in %.2f s, with the demo plan%n",
          p.pid(), port, Figures.seconds(System.nanoTime() - t0));
    }
    return notHealthy;
  }

  String login() throws IOException, InterruptedException {
    String body = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + adminPassword + "\"}";
    HttpResponse<String> r =
        http.send(
            Http.postJson(base.resolve("/login"), body, null),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IOException(
          "login answered HTTP " + r.statusCode() + ": " + Figures.shorten(r.body()));
    }
    return m.group(1);
  }

  /** Monthly COUNT indicators B01.., disaggregated by sex, territory and age group. */
  void createIndicators(int count) throws IOException, InterruptedException {
    String token = login();
    String changeId = null;
    for (int i = 0; i < count; i++) {
      String code = MeasurementGrid.indicatorCode(i);
      String json =
          "{\"code\":\""
              + code
              + "\",\"name\":\"Bench "
              + code
              + "\",\"kind\":\"COUNT\",\"unit\":\"casos\",\"direction\":\"DECREASE\","
              + "\"frequency\":\"MONTHLY\",\"accumulation\":\"PERIODIC\","
              + "\"sourceKind\":\"ADMINISTRATIVE\","
              + "\"disaggregations\":{\"sex\":true,\"territory\":true,\"ageGroup\":true},"
              + "\"actionCard\":{\"plan\":\""
              + PLAN
              + "\",\"code\":\"CONT-01\"}}";
      HttpResponse<String> r =
          http.send(
              Http.postJson(base.resolve("/api/indicators"), json, token),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 202) {
        // The demo plan is published: each write extends its one open proposal of change.
        Matcher m = CHANGE_ID.matcher(r.body());
        if (m.find()) {
          changeId = m.group(1);
        }
      } else if (r.statusCode() != 201) {
        throw new IOException(
            "POST /api/indicators "
                + code
                + " answered HTTP "
                + r.statusCode()
                + ": "
                + Figures.shorten(r.body()));
      }
    }
    if (changeId != null) {
      HttpResponse<String> r =
          http.send(
              Http.postJson(
                  base.resolve("/api/plans/" + PLAN + "/changes/" + changeId + "/approve"),
                  "{\"reason\":\"bench\"}",
                  token),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(
            "approving the plan change "
                + changeId
                + " answered HTTP "
                + r.statusCode()
                + ": "
                + Figures.shorten(r.body()));
      }
    }
    OUT.printf(
        "Created %d indicators (%s..%s; monthly counts by sex, territory and age group)%n",
        count, MeasurementGrid.indicatorCode(0), MeasurementGrid.indicatorCode(count - 1));
  }

  void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    process = null;
    if (ServiceProcess.stop(p)) {
      OUT.println("  (the service did not stop in 30 s: killed)");
    }
  }

  /** Copies the service log and the GC log to {@code --keep-logs}, if given. */
  void keepLogs() {
    if (options.keepLogs() == null) {
      return;
    }
    try {
      Files.createDirectories(options.keepLogs());
      for (Path l : List.of(log, gcLog)) {
        if (Files.isRegularFile(l)) {
          Files.copy(
              l,
              options.keepLogs().resolve("ingest-" + l.getFileName()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
      OUT.println("Logs kept in " + options.keepLogs());
    } catch (IOException e) {
      OUT.println("  (could not keep the logs: " + e.getMessage() + ")");
    }
  }

  boolean running() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The running JVM; null once stopped. */
  Process process() {
    return process;
  }

  URI base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  Path log() {
    return log;
  }

  Path gcLog() {
    return gcLog;
  }

  /** The heap maximum the JVM last reported on /prometheus; -1 until it has. */
  long heapMaxBytes() {
    return heapMaxBytes;
  }

  void heapMaxBytes(long bytes) {
    heapMaxBytes = bytes;
  }
}
