package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The startup benchmark's command line. */
record StartupOptions(
    int rounds, Path jar, Duration timeout, List<String> jvmArgs, Path keepLogs, boolean cds) {

  /** The modes a round runs, in order: the three plain ones, then the archive's when asked. */
  List<StartupMode> modes() {
    return java.util.Arrays.stream(StartupMode.values()).filter(m -> cds || !m.cds).toList();
  }

  /** The options; empty, with the reason or the usage printed, when there is nothing to run. */
  static Optional<StartupOptions> parse(String[] arguments) {
    int rounds = 3;
    Path jar = null;
    Duration timeout = Duration.ofSeconds(120);
    List<String> jvmArgs = new ArrayList<>();
    Path keepLogs = null;
    boolean cds = false;
    try {
      Args args = new Args(arguments);
      while (args.next()) {
        String a = args.name();
        switch (a) {
          case "-h", "--help" -> {
            usage();
            return Optional.empty();
          }
          case "--rounds", "-n" -> rounds = Integer.parseInt(args.value());
          case "--jar" -> jar = Path.of(args.value());
          case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(args.value()));
          case "--jvm-arg" -> jvmArgs.add(args.value());
          case "--keep-logs" -> keepLogs = Path.of(args.value());
          case "--cds" -> cds = true;
          default -> throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be at least 1");
      }
    } catch (RuntimeException e) {
      OUT.println("Bad arguments: " + e.getMessage());
      usage();
      return Optional.empty();
    }
    Path logs = keepLogs == null ? null : keepLogs.toAbsolutePath().normalize();
    Duration t = timeout;
    int n = rounds;
    boolean c = cds;
    return ServiceJar.resolve(jar).map(j -> new StartupOptions(n, j, t, jvmArgs, logs, c));
  }

  private static void usage() {
    OUT.println(
        """
        Usage: bench/run.sh [startup] [options]
           or: java -jar bench/target/atalaya-bench.jar [options]   (run from the repository root)
          --rounds N       rounds; each runs every mode once, interleaved (default 3)
          --jar PATH       the service fat jar (default: the largest service/target/atalaya-service-*.jar)
          --timeout S      seconds to wait for /health UP per launch (default 120)
          --jvm-arg ARG    extra JVM argument for the service, repeatable (e.g. --jvm-arg=-Xmx512m)
          --keep-logs DIR  keep each launch's service log in DIR (default: deleted with the run)
          --cds            also time both embedded modes with an AppCDS archive of the jar's classes,
                           dumped first by one untimed launch (-XX:ArchiveClassesAtExit)
        Always exits 0: failures are printed, never raised.""");
  }
}
