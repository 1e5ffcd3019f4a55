package org.atalaya.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: its own JVM (the test's classpath, {@code Application.main}),
 * the embedded database in a directory that outlives it, its log in a file. A test can kill it as
 * the kernel's OOM killer does, and start another on the same directory.
 */
final class ServiceProcess implements AutoCloseable {
  static final String ADMIN_PASSWORD = "fault-admin-password-1";

  /** Generous: two cores shared with other builds start a JVM slowly. */
  static final Duration START = Duration.ofSeconds(180);

  final Path dataDirectory;
  final Path log;
  final int port;
  private final Process process;

  private ServiceProcess(Path dataDirectory, Path log, int port, Process process) {
    this.dataDirectory = dataDirectory;
    this.log = log;
    this.port = port;
    this.process = process;
  }

  static ServiceProcess start(Path dataDirectory, Path log) throws IOException {
    int port = freePort();
    String classpath =
        Optional.ofNullable(System.getProperty("surefire.test.class.path"))
            .orElse(System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-Duser.timezone=UTC",
            "-cp",
            classpath,
            "org.atalaya.Application"));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    var env = builder.environment();
    env.put("ATALAYA_PORT", Integer.toString(port));
    env.put("ATALAYA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("ATALAYA_JWT_SECRET", "fault-suite-secret-0123456789abcdefghijklmnopqrstuvwxyz");
    env.put("ATALAYA_DATABASE_EMBEDDED_DATA_DIR", dataDirectory.toString());
    return new ServiceProcess(dataDirectory, log, port, builder.start());
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Waits until /health answers 200, or the process ends, or {@link #START} passes. */
  ServiceProcess awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the service exited (" + process.exitValue() + "):\n" + tail());
      }
      if (status("/health") == 200) {
        return this;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the service was not healthy within " + START + ":\n" + tail());
  }

  int status(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base() + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL: no shutdown hook, no @PreDestroy, nothing stopped in order. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** The embedded server's main process and port, from its pid file. */
  static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
    List<String> lines = pidFile(dataDirectory);
    return lines.isEmpty()
        ? Optional.empty()
        : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
  }

  static String jdbcUrl(Path dataDirectory) throws IOException {
    return "jdbc:postgresql://localhost:" + pidFile(dataDirectory).get(3).trim() + "/atalaya";
  }

  private static List<String> pidFile(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve("postmaster.pid");
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /** SIGTERM (a clean stop that stops the database too); whatever is left is killed. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    Optional<ProcessHandle> left = postmaster(dataDirectory);
    if (left.isPresent()) {
      left.get().destroy();
      left.get().onExit().get(30, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
