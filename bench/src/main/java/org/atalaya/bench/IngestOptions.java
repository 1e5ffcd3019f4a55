package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ingest benchmark's command line; {@code rounds} 0 means auto. */
record IngestOptions(
    long rows,
    int rounds,
    Path jar,
    String xmx,
    Duration uploadTimeout,
    Duration healthTimeout,
    List<String> jvmArgs,
    Path keepLogs,
    boolean analyzeEmpty) {

  /** The options; empty, with the reason or the usage printed, when there is nothing to run. */
  static Optional<IngestOptions> parse(String[] arguments) {
    long rows = 1_000_000;
    int rounds = 0; // auto
    Path jar = null;
    String xmx = "256m";
    Duration uploadTimeout = Duration.ofMinutes(30);
    Duration healthTimeout = Duration.ofSeconds(120);
    List<String> jvmArgs = new ArrayList<>();
    Path keepLogs = null;
    boolean analyzeEmpty = false;
    long maxRows = (long) MeasurementGrid.CELLS_PER_INDICATOR * 999;
    try {
      Args args = new Args(arguments);
      while (args.next()) {
        String a = args.name();
        if (a.equals("--analyze-empty")) {
          analyzeEmpty = true;
          continue;
        }
        if (a.equals("-h") || a.equals("--help")) {
          usage();
          return Optional.empty();
        }
        String value = args.requiredValue();
        switch (a) {
          case "--rows" -> rows = Long.parseLong(value.replace("_", "").replace(",", ""));
          case "--rounds", "-n" -> rounds = value.equals("auto") ? 0 : Integer.parseInt(value);
          case "--jar" -> jar = Path.of(value);
          case "--xmx" -> xmx = value;
          case "--upload-timeout" -> uploadTimeout = Duration.ofSeconds(Long.parseLong(value));
          case "--timeout" -> healthTimeout = Duration.ofSeconds(Long.parseLong(value));
          case "--jvm-arg" -> jvmArgs.add(value);
          case "--keep-logs" -> keepLogs = Path.of(value);
          default -> throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      if (rows < 1 || rows > maxRows) {
        throw new IllegalArgumentException("--rows must be between 1 and " + maxRows);
      }
      if (rounds < 0) {
        throw new IllegalArgumentException("--rounds must be auto or at least 1");
      }
      if (!xmx.matches("\\d+[kKmMgG]?")) {
        throw new IllegalArgumentException("--xmx takes a JVM size such as 256m");
      }
    } catch (RuntimeException e) {
      OUT.println("Bad arguments: " + e.getMessage());
      usage();
      return Optional.empty();
    }
    Optional<Path> serviceJar = ServiceJar.resolve(jar);
    if (serviceJar.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new IngestOptions(
            rows,
            rounds,
            serviceJar.get(),
            xmx,
            uploadTimeout,
            healthTimeout,
            jvmArgs,
            keepLogs == null ? null : keepLogs.toAbsolutePath().normalize(),
            analyzeEmpty));
  }

  private static void usage() {
    OUT.println(
        """
        Usage: bench/run.sh ingest [options]
           or: java -cp bench/target/atalaya-bench.jar org.atalaya.bench.IngestBench [options]
               (run from the repository root)
          --rows N            rows to load each way (default 1000000)
          --rounds N|auto     rounds; each loads the rows once by upload and once by COPY,
                              back to back, the order alternating from round to round.
                              auto (default): a second round only if the first took under 120 s
          --xmx SIZE          the service JVM's -Xmx (default 256m)
          --jar PATH          the service fat jar
                              (default: the largest service/target/atalaya-service-*.jar)
          --upload-timeout S  seconds to wait for the upload's answer (default 1800)
          --timeout S         seconds to wait for /health UP at start (default 120)
          --jvm-arg ARG       extra JVM argument for the service, repeatable
          --keep-logs DIR     keep the service log and its GC log in DIR
          --analyze-empty     ANALYZE the emptied table before each load, so the planner knows it is
                              empty (by default it is left as a new table is: never analyzed)
        Always exits 0: failures are printed, never raised.""");
  }
}
