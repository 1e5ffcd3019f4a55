package org.atalaya.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launching the service jar with a clean environment, waiting for it to be healthy, stopping it.
 */
final class ServiceProcess {

  static final Duration HEALTH_POLL = Duration.ofMillis(50);
  static final Duration STOP_WAIT = Duration.ofSeconds(30);
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

  private ServiceProcess() {}

  /** {@code java <jvmArgs> -jar <jar>}, with the JVM running this bench. */
  static List<String> command(List<String> jvmArgs, Path jar) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toString());
    return cmd;
  }

  /**
   * A launch in {@code dir}, its output appended to {@code log}. No {@code ATALAYA_*} or {@code
   * DATASOURCES_*} variable comes from the bench's own environment; the port and the JWT secret are
   * set, the rest is the caller's.
   */
  static ProcessBuilder builder(
      List<String> command, Path dir, Path log, int port, String jwtSecret) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("ATALAYA_"));
    env.put("ATALAYA_PORT", Integer.toString(port));
    env.put("ATALAYA_JWT_SECRET", jwtSecret);
    return pb;
  }

  /** Points the service at a database of a PostgreSQL on this host. */
  static void useDatabase(Map<String, String> env, int postgresPort, String database) {
    env.put(
        "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + postgresPort + "/" + database);
    env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
    env.put("DATASOURCES_DEFAULT_PASSWORD", "postgres"); // trust authentication: unused
  }

  /**
   * Polls {@code health} every 50 ms from {@code t0} until it answers 200 with top-level status UP.
   * Null once healthy; otherwise why not.
   */
  static String awaitHealthy(
      HttpClient http, Process process, URI health, long t0, Duration timeout)
      throws InterruptedException {
    long deadline = t0 + timeout.toNanos();
    HttpRequest request = Http.get(health, Duration.ofSeconds(2));
    String last = "no answer";
    long next = t0;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return "service exited with code " + process.exitValue() + " before it was healthy";
      }
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = STATUS.matcher(r.body());
        String status = m.find() ? m.group(1) : "?";
        if (r.statusCode() == 200 && "UP".equals(status)) {
          return null;
        }
        last = "HTTP " + r.statusCode() + " status " + status;
      } catch (ConnectException e) {
        last = "connection refused";
      } catch (IOException e) {
        last = e.toString();
      }
      next += HEALTH_POLL.toNanos();
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      } else {
        next = System.nanoTime();
      }
    }
    return "not healthy within " + timeout.toSeconds() + " s (last: " + last + ")";
  }

  /**
   * Stops the service gracefully (SIGTERM; it stops its own PostgreSQL, if any), and kills it if it
   * is still running after 30 s. True when it had to be killed.
   */
  static boolean stop(Process process) {
    process.destroy();
    boolean killed = false;
    try {
      if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        killed = true;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return killed;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String randomSecret(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
