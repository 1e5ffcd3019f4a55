package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.seconds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One launch of the service jar in one mode: a free port and a new working directory, the time from
 * start to healthy, CPU and memory at that moment, then a graceful stop and a clean-up.
 */
final class StartupLauncher {

  private final StartupOptions options;
  private final Path jar;
  private final Path workRoot;
  private final Path warmDataDir;
  private static final Duration DUMP_WAIT = Duration.ofMinutes(5);
  private final ExternalServer external;
  private final HttpClient http = Http.client(Duration.ofSeconds(1));
  private final String jwtSecret = ServiceProcess.randomSecret(48);
  private volatile Process current;
  private Path cdsArchive;
  private boolean dumping;

  StartupLauncher(StartupOptions options, Path jar, Path workRoot, ExternalServer external) {
    this.options = options;
    this.jar = jar;
    this.workRoot = workRoot;
    this.warmDataDir = workRoot.resolve("warm-pg");
    this.external = external;
  }

  /** A launch that reports a bench error as a failed run. */
  StartupRun runOnce(StartupMode mode, int round) {
    try {
      return launch(mode, round);
    } catch (Throwable e) {
      return StartupRun.failed(mode, round, "bench error: " + e);
    }
  }

  StartupRun launch(StartupMode mode, int round) {
    List<String> jvmArgs = new ArrayList<>(options.jvmArgs());
    if (mode.cds) {
      if (cdsArchive == null) {
        return StartupRun.failed(mode, round, "no class-data archive was built");
      }
      jvmArgs.add("-XX:SharedArchiveFile=" + cdsArchive);
      // A JVM that cannot map the archive says so in the log instead of silently going without.
      jvmArgs.add("-Xlog:cds=warning");
    }
    return launch(mode, round, jvmArgs);
  }

  /**
   * One untimed start on a fresh data directory (so initdb and every migration load their classes)
   * with {@code -XX:ArchiveClassesAtExit}; the JVM writes the archive as it exits after SIGTERM.
   * The CDS modes then map it. Prints what happened; without an archive they fail.
   */
  void buildCdsArchive() {
    Path archive = workRoot.resolve("atalaya-service.jsa");
    List<String> jvmArgs = new ArrayList<>(options.jvmArgs());
    jvmArgs.add("-XX:ArchiveClassesAtExit=" + archive);
    long t0 = System.nanoTime();
    StartupRun run;
    dumping = true;
    try {
      run = launch(StartupMode.EMBEDDED_COLD, 0, jvmArgs);
    } finally {
      dumping = false;
    }
    if (!run.ok()) {
      OUT.println("Dumping the class-data archive failed: " + run.failure() + "\n");
    } else if (!Files.isRegularFile(archive)) {
      OUT.println("The JVM wrote no class-data archive at " + archive + "\n");
    } else {
      cdsArchive = archive;
      OUT.printf(
          "Class-data archive dumped by one untimed launch and its stop (%.1f s): %.1f MiB%n%n",
          seconds(System.nanoTime() - t0), archive.toFile().length() / (1024.0 * 1024.0));
    }
  }

  private StartupRun launch(StartupMode mode, int round, List<String> jvmArgs) {
    Path runDir;
    try {
      runDir = Files.createTempDirectory(workRoot, mode.label + "-r" + round + "-");
    } catch (IOException e) {
      return StartupRun.failed(mode, round, "cannot create a temp dir: " + e);
    }
    Path log = runDir.resolve("service.log");
    Path pgDataDir =
        switch (mode.database()) {
          case EMBEDDED_COLD -> runDir.resolve("postgres");
          case EMBEDDED_WARM -> warmDataDir;
          default -> null;
        };
    String database = null;
    Process process = null;
    List<ProcessHandle> postgres = List.of();
    try {
      int port = ServiceProcess.freePort();
      BenchFiles.appendLine(
          log, "# bench: " + mode.label + " round " + round + ", launched " + now());
      ProcessBuilder pb =
          ServiceProcess.builder(
              ServiceProcess.command(jvmArgs, jar), runDir, log, port, jwtSecret);
      if (mode == StartupMode.EXTERNAL) {
        if (!external.running()) {
          return StartupRun.failed(mode, round, external.failure());
        }
        database = external.createDatabase(round);
        ServiceProcess.useDatabase(pb.environment(), external.port(), database);
      } else {
        pb.environment().put("ATALAYA_DATABASE_EMBEDDED_DATA_DIR", pgDataDir.toString());
      }

      URI health = URI.create("http://localhost:" + port + "/health");
      long t0 = System.nanoTime();
      process = pb.start();
      current = process;
      String notHealthy = ServiceProcess.awaitHealthy(http, process, health, t0, options.timeout());
      double healthy = seconds(System.nanoTime() - t0);
      if (notHealthy != null) {
        return StartupRun.failed(mode, round, notHealthy + BenchFiles.tail(log));
      }

      BenchFiles.appendLine(log, "# bench: healthy after " + String.format("%.3f s", healthy));
      // CPU time (user + system) the JVM itself spent until then, and resident memory.
      double cpu = ProcFs.cpuSeconds(process);
      postgres = PostgresProcesses.of(process, pgDataDir);
      long jvmRss = ProcFs.rssKb(process.pid());
      long pgRss = 0;
      long pss = ProcFs.pssKb(process.pid());
      for (ProcessHandle h : postgres) {
        pgRss += ProcFs.rssKb(h.pid());
        pss += ProcFs.pssKb(h.pid());
      }
      long externalRss = mode == StartupMode.EXTERNAL ? external.rssKb() : 0;

      StringBuilder note = new StringBuilder();
      if (dumping) {
        // The archive is written after the graceful stop: on a loaded machine that takes longer
        // than the ordinary wait, and a JVM killed half-way writes nothing.
        process.destroy();
        process.waitFor(DUMP_WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      double stop = stop(process, postgres, note);
      process = null;
      return new StartupRun(
          mode,
          round,
          null,
          healthy,
          cpu,
          jvmRss,
          pgRss,
          postgres.size(),
          pss,
          externalRss,
          stop,
          note.toString());
    } catch (Throwable e) {
      return StartupRun.failed(mode, round, e + BenchFiles.tail(log));
    } finally {
      if (process != null) {
        stop(
            process,
            postgres.isEmpty() ? PostgresProcesses.of(process, pgDataDir) : postgres,
            null);
      }
      current = null;
      keepLog(log, mode, round);
      if (database != null) {
        external.dropDatabase(database);
      }
      BenchFiles.deleteTree(runDir);
    }
  }

  /**
   * Stops the service gracefully (SIGTERM; it stops its own PostgreSQL) and returns the seconds it
   * took; forces only what is left after the wait, by process id.
   */
  private static double stop(Process process, List<ProcessHandle> postgres, StringBuilder note) {
    long t0 = System.nanoTime();
    if (ServiceProcess.stop(process)) {
      append(note, "JVM did not stop in " + ServiceProcess.STOP_WAIT.toSeconds() + " s: killed");
    }
    double took = seconds(System.nanoTime() - t0);
    long left = PostgresProcesses.stopLeftovers(postgres);
    if (left > 0) {
      append(note, left + " postgres process(es) left behind: stopped");
    }
    return took;
  }

  /** For the shutdown hook: stops a launch interrupted by the user. */
  void stopCurrent() {
    Process p = current;
    if (p != null && p.isAlive()) {
      ServiceProcess.stop(p);
    }
  }

  private static void append(StringBuilder note, String s) {
    if (note != null) {
      note.append(note.length() == 0 ? "" : "; ").append(s);
    }
  }

  private static String now() {
    return LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private void keepLog(Path log, StartupMode mode, int round) {
    if (options.keepLogs() != null && Files.isRegularFile(log)) {
      String name = round == 0 ? "prime-" + mode.label : mode.label + "-r" + round;
      try {
        Files.copy(
            log, options.keepLogs().resolve(name + ".log"), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        OUT.println("  (could not keep " + log + ": " + e.getMessage() + ")");
      }
    }
  }
}
