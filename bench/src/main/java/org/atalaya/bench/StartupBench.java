package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cold start to healthy, and resident memory, of the service jar: with its embedded PostgreSQL
 * (fresh data directory, and an already initialised one) against an external PostgreSQL.
 *
 * <p>Each round launches the jar once per mode, interleaved, on a free port; times launch to the
 * first {@code GET /health} that answers 200 with status UP; reads VmRSS (and PSS) of the JVM and
 * of the PostgreSQL processes it started; stops it gracefully. Prints every run, the medians per
 * mode, and the ratios embedded/external. A benchmark, not a test: it always exits 0.
 */
public final class StartupBench {

  private final StartupOptions options;

  private StartupBench(StartupOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Bench.run(
        () -> {
          Optional<StartupOptions> options = StartupOptions.parse(args);
          if (options.isPresent()) {
            new StartupBench(options.get()).runAll();
          }
        });
  }

  private void runAll() throws IOException {
    Path workRoot = Files.createTempDirectory("atalaya-bench-");
    Path jar = ServiceJar.privateCopy(options.jar(), workRoot);
    if (options.keepLogs() != null) {
      Files.createDirectories(options.keepLogs());
    }
    ExternalServer external = new ExternalServer(workRoot.resolve("external-pg"));
    StartupLauncher launcher = new StartupLauncher(options, jar, workRoot, external);
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopCurrent, "bench-interrupted"));
    List<StartupRun> runs = new ArrayList<>();
    try {
      printHeader();
      external.start();
      primeWarmDataDir(launcher);
      if (options.cds()) {
        launcher.buildCdsArchive();
      }
      List<StartupMode> modes = options.modes();
      for (int round = 1; round <= options.rounds(); round++) {
        // Interleave, and rotate who goes first, so drift on a noisy machine spreads evenly.
        for (int k = 0; k < modes.size(); k++) {
          StartupMode mode = modes.get((k + round - 1) % modes.size());
          StartupRun run = launcher.runOnce(mode, round);
          runs.add(run);
          StartupReport.printProgress(run);
        }
      }
    } finally {
      external.stop();
      BenchFiles.deleteTree(workRoot);
    }
    StartupReport.printTable(runs);
    StartupReport.printSummary(runs, options.modes());
    StartupReport.printSummaryLines(runs, options.modes());
  }

  private void printHeader() {
    OUT.printf(
        "Atalaya startup benchmark, %s%n", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    ServiceJar.printHeaderLine(options.jar());
    OUT.printf(
        "  java %s (%s), %d cores, %s%n",
        System.getProperty("java.version"),
        ServiceProcess.javaBinary(),
        Runtime.getRuntime().availableProcessors(),
        ProcFs.memTotal());
    OUT.printf("  load average at the start (1 min): %.2f%n", ProcFs.loadAverage());
    OUT.printf(
        "  %d round(s) x %d modes, interleaved; health polled every %d ms, timeout %d s%n",
        options.rounds(),
        options.modes().size(),
        ServiceProcess.HEALTH_POLL.toMillis(),
        options.timeout().toSeconds());
    if (!options.jvmArgs().isEmpty()) {
      OUT.printf("  service JVM args: %s%n", String.join(" ", options.jvmArgs()));
    }
    OUT.println();
  }

  /**
   * Starts the service once, unmeasured, on a data directory kept for the warm series: initdb,
   * database and migrations are then done. Also warms the page cache for every mode alike.
   */
  private static void primeWarmDataDir(StartupLauncher launcher) {
    StartupRun prime = launcher.launch(StartupMode.EMBEDDED_WARM, 0);
    if (prime.ok()) {
      OUT.printf(
          "Warm data directory primed by one unmeasured launch (%.2f s to healthy)%n%n",
          prime.healthySeconds());
    } else {
      OUT.println("Priming the warm data directory failed: " + prime.failure() + "\n");
    }
  }
}
