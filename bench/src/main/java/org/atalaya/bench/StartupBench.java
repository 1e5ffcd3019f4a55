package org.atalaya.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  private static final PrintStream OUT = System.out;
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final String DEFAULT_JAR_DIR = "service/target";

  enum Mode {
    EMBEDDED_COLD("embedded-cold"),
    EMBEDDED_WARM("embedded-warm"),
    EXTERNAL("external");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  /** One launch of the service; memory figures in KiB, times in seconds. */
  record Run(
      Mode mode,
      int round,
      String failure,
      double healthySeconds,
      double jvmCpuSeconds,
      long jvmRssKb,
      long pgRssKb,
      int pgProcesses,
      long totalPssKb,
      long externalServerRssKb,
      double stopSeconds,
      String note) {

    boolean ok() {
      return failure == null;
    }

    long totalRssKb() {
      return jvmRssKb + pgRssKb;
    }
  }

  record Options(int rounds, Path jar, Duration timeout, List<String> jvmArgs, Path keepLogs) {}

  private final Options options;
  private Path jar;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();
  private final String jwtSecret = randomSecret();
  private Path workRoot;
  private Path warmDataDir;
  private EmbeddedPostgres externalServer;
  private Path externalDataDir;
  private String externalFailure;
  private volatile Process current;

  private StartupBench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT); // "1.23", not "1,23", whatever the machine's locale
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    try {
      Optional<Options> options = parse(args);
      if (options.isPresent()) {
        new StartupBench(options.get()).runAll();
      }
    } catch (Throwable e) {
      OUT.println("BENCH ERROR (reported, not failed): " + e);
      e.printStackTrace(OUT);
    }
    OUT.flush();
    // A benchmark, never a gate: whatever happened above has been printed.
    System.exit(0);
  }

  // ---------------------------------------------------------------- arguments

  private static Optional<Options> parse(String[] args) {
    int rounds = 3;
    Path jar = null;
    Duration timeout = Duration.ofSeconds(120);
    List<String> jvmArgs = new ArrayList<>();
    Path keepLogs = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          value = a.substring(eq + 1);
          a = a.substring(0, eq);
        }
        switch (a) {
          case "-h", "--help" -> {
            usage();
            return Optional.empty();
          }
          case "--rounds", "-n" -> rounds = Integer.parseInt(value != null ? value : args[++i]);
          case "--jar" -> jar = Path.of(value != null ? value : args[++i]);
          case "--timeout" ->
              timeout = Duration.ofSeconds(Long.parseLong(value != null ? value : args[++i]));
          case "--jvm-arg" -> jvmArgs.add(value != null ? value : args[++i]);
          case "--keep-logs" -> keepLogs = Path.of(value != null ? value : args[++i]);
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
    if (jar == null) {
      jar = findServiceJar(Path.of(DEFAULT_JAR_DIR));
    }
    if (jar == null || !Files.isRegularFile(jar)) {
      OUT.println(
          "No service jar found ("
              + (jar == null ? DEFAULT_JAR_DIR + "/atalaya-service-*.jar" : jar)
              + "). Build it first: mvn -q -DskipTests package");
      return Optional.empty();
    }
    return Optional.of(
        new Options(
            rounds,
            jar.toAbsolutePath().normalize(),
            timeout,
            jvmArgs,
            keepLogs == null ? null : keepLogs.toAbsolutePath().normalize()));
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
        Always exits 0: failures are printed, never raised.""");
  }

  private static Path findServiceJar(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    // The fat jar is the largest one (a thin jar may sit beside it).
    Path best = null;
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "atalaya-service-*.jar")) {
      for (Path p : jars) {
        if (best == null || sizeOf(p) > sizeOf(best)) {
          best = p;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return best;
  }

  // ---------------------------------------------------------------- the whole run

  private void runAll() throws IOException {
    workRoot = Files.createTempDirectory("atalaya-bench-");
    // Run a private copy: a rebuild of service/target during the run must not change the subject.
    jar = Files.copy(options.jar(), workRoot.resolve("service.jar"));
    if (options.keepLogs() != null) {
      Files.createDirectories(options.keepLogs());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::killCurrent, "bench-interrupted"));
    List<Run> runs = new ArrayList<>();
    try {
      printHeader();
      startExternalServer();
      primeWarmDataDir();
      Mode[] modes = Mode.values();
      for (int round = 1; round <= options.rounds(); round++) {
        // Interleave, and rotate who goes first, so drift on a noisy machine spreads evenly.
        for (int k = 0; k < modes.length; k++) {
          Mode mode = modes[(k + round - 1) % modes.length];
          Run run = runOnce(mode, round);
          runs.add(run);
          printProgress(run);
        }
      }
    } finally {
      stopExternalServer();
      deleteTree(workRoot);
    }
    printTable(runs);
    printSummary(runs);
  }

  private void printHeader() {
    Runtime rt = Runtime.getRuntime();
    OUT.printf(
        "Atalaya startup benchmark, %s%n", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    OUT.printf(
        "  jar %s (%.1f MiB, modified %s; launched from a private copy)%n",
        options.jar(), sizeOf(options.jar()) / (1024.0 * 1024.0), modified(options.jar()));
    OUT.printf(
        "  java %s (%s), %d cores, %s%n",
        System.getProperty("java.version"), javaBinary(), rt.availableProcessors(), memTotal());
    OUT.printf(
        "  %d round(s) x %d modes, interleaved; health polled every %d ms, timeout %d s%n",
        options.rounds(), Mode.values().length, POLL.toMillis(), options.timeout().toSeconds());
    if (!options.jvmArgs().isEmpty()) {
      OUT.printf("  service JVM args: %s%n", String.join(" ", options.jvmArgs()));
    }
    OUT.println();
  }

  // ---------------------------------------------------------------- external server

  private void startExternalServer() {
    try {
      externalDataDir = workRoot.resolve("external-pg");
      long t0 = System.nanoTime();
      // The same PostgreSQL binaries and settings the service uses for its embedded one.
      externalServer =
          EmbeddedPostgres.builder()
              .setDataDirectory(externalDataDir)
              .setCleanDataDirectory(true)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "100")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      OUT.printf(
          "External PostgreSQL started by the bench on port %d in %.2f s (not counted in any"
              + " figure below)%n",
          externalServer.getPort(), seconds(System.nanoTime() - t0));
    } catch (Throwable e) {
      externalFailure = "external PostgreSQL did not start: " + e;
      OUT.println(externalFailure);
    }
  }

  private void stopExternalServer() {
    if (externalServer != null) {
      try {
        externalServer.close();
      } catch (Throwable e) {
        OUT.println("Could not stop the external PostgreSQL: " + e);
      }
    }
  }

  private String createExternalDatabase(int round) throws Exception {
    String name = "atalaya_bench_r" + round;
    try (Connection c = externalServer.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    }
    return name;
  }

  private void dropExternalDatabase(String name) {
    try (Connection c = externalServer.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (Exception e) {
      OUT.println("  (could not drop " + name + ": " + e.getMessage() + ")");
    }
  }

  // ---------------------------------------------------------------- warm data directory

  /**
   * Starts the service once, unmeasured, on a data directory kept for the warm series: initdb,
   * database and migrations are then done. Also warms the page cache for every mode alike.
   */
  private void primeWarmDataDir() {
    warmDataDir = workRoot.resolve("warm-pg");
    Run prime = launch(Mode.EMBEDDED_WARM, 0);
    if (prime.ok()) {
      OUT.printf(
          "Warm data directory primed by one unmeasured launch (%.2f s to healthy)%n%n",
          prime.healthySeconds());
    } else {
      OUT.println("Priming the warm data directory failed: " + prime.failure() + "\n");
    }
  }

  // ---------------------------------------------------------------- one launch

  private Run runOnce(Mode mode, int round) {
    try {
      return launch(mode, round);
    } catch (Throwable e) {
      return failed(mode, round, "bench error: " + e);
    }
  }

  private Run launch(Mode mode, int round) {
    Path runDir;
    try {
      runDir = Files.createTempDirectory(workRoot, mode.label + "-r" + round + "-");
    } catch (IOException e) {
      return failed(mode, round, "cannot create a temp dir: " + e);
    }
    Path log = runDir.resolve("service.log");
    Path pgDataDir =
        switch (mode) {
          case EMBEDDED_COLD -> runDir.resolve("postgres");
          case EMBEDDED_WARM -> warmDataDir;
          case EXTERNAL -> null;
        };
    String database = null;
    Process process = null;
    List<ProcessHandle> postgres = List.of();
    try {
      int port = freePort();
      ProcessBuilder pb = new ProcessBuilder(command());
      pb.directory(runDir.toFile());
      pb.redirectErrorStream(true);
      appendLine(log, "# bench: " + mode.label + " round " + round + ", launched " + now());
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("ATALAYA_"));
      env.put("ATALAYA_PORT", Integer.toString(port));
      env.put("ATALAYA_JWT_SECRET", jwtSecret);
      if (mode == Mode.EXTERNAL) {
        if (externalServer == null) {
          return failed(mode, round, externalFailure);
        }
        database = createExternalDatabase(round);
        env.put(
            "DATASOURCES_DEFAULT_URL",
            "jdbc:postgresql://localhost:" + externalServer.getPort() + "/" + database);
        env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "postgres"); // trust authentication: unused
      } else {
        env.put("ATALAYA_DATABASE_EMBEDDED_DATA_DIR", pgDataDir.toString());
      }

      URI health = URI.create("http://localhost:" + port + "/health");
      long t0 = System.nanoTime();
      process = pb.start();
      current = process;
      String notHealthy = awaitHealthy(process, health, t0);
      double healthy = seconds(System.nanoTime() - t0);
      if (notHealthy != null) {
        return failed(mode, round, notHealthy + tail(log));
      }

      appendLine(log, "# bench: healthy after " + String.format("%.3f s", healthy));
      // CPU time (user + system) the JVM itself spent until then, and resident memory.
      double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
      postgres = postgresOf(process, pgDataDir);
      long jvmRss = rssKb(process.pid());
      long pgRss = 0;
      long pss = pssKb(process.pid());
      for (ProcessHandle h : postgres) {
        pgRss += rssKb(h.pid());
        pss += pssKb(h.pid());
      }
      long externalRss = 0;
      if (mode == Mode.EXTERNAL) {
        for (ProcessHandle h : postgresOf(null, externalDataDir)) {
          externalRss += rssKb(h.pid());
        }
      }

      StringBuilder note = new StringBuilder();
      double stop = stop(process, postgres, note);
      process = null;
      return new Run(
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
      return failed(mode, round, e + tail(log));
    } finally {
      if (process != null) {
        stop(process, postgres.isEmpty() ? postgresOf(process, pgDataDir) : postgres, null);
      }
      current = null;
      keepLog(log, mode, round);
      if (database != null) {
        dropExternalDatabase(database);
      }
      deleteTree(runDir);
    }
  }

  private static void appendLine(Path log, String line) {
    try {
      Files.writeString(
          log,
          line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is a diagnostic only
    }
  }

  private static String now() {
    return java.time.LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private void keepLog(Path log, Mode mode, int round) {
    if (options.keepLogs() != null && Files.isRegularFile(log)) {
      String name = round == 0 ? "prime-" + mode.label : mode.label + "-r" + round;
      try {
        Files.copy(
            log,
            options.keepLogs().resolve(name + ".log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        OUT.println("  (could not keep " + log + ": " + e.getMessage() + ")");
      }
    }
  }

  private List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(options.jvmArgs());
    cmd.add("-jar");
    cmd.add(jar.toString());
    return cmd;
  }

  /** Null once healthy; otherwise why not. */
  private String awaitHealthy(Process process, URI health, long t0) throws InterruptedException {
    long deadline = t0 + options.timeout().toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
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
      next += POLL.toNanos();
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      } else {
        next = System.nanoTime();
      }
    }
    return "not healthy within " + options.timeout().toSeconds() + " s (last: " + last + ")";
  }

  /**
   * The PostgreSQL processes behind a launch. zonky starts the server with {@code pg_ctl start},
   * which detaches the postmaster from the JVM, so it is found through {@code postmaster.pid} in
   * the data directory; any process still under the JVM counts too.
   */
  private static List<ProcessHandle> postgresOf(Process jvm, Path dataDir) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    if (dataDir != null) {
      Path pidFile = dataDir.resolve("postmaster.pid");
      try {
        if (Files.isRegularFile(pidFile)) {
          String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
          ProcessHandle.of(Long.parseLong(first))
              .ifPresent(
                  pm -> {
                    found.add(pm);
                    pm.descendants().forEach(found::add);
                  });
        }
      } catch (IOException | RuntimeException e) {
        // Not running (yet, or any more).
      }
    }
    if (jvm != null) {
      jvm.descendants().forEach(found::add);
    }
    return new ArrayList<>(found);
  }

  /**
   * Stops the service gracefully (SIGTERM; it stops its own PostgreSQL) and returns the seconds it
   * took; forces only what is left after the wait, by process id.
   */
  private double stop(Process process, List<ProcessHandle> postgres, StringBuilder note) {
    long t0 = System.nanoTime();
    process.destroy();
    try {
      if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        append(note, "JVM did not stop in " + STOP_WAIT.toSeconds() + " s: killed");
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double took = seconds(System.nanoTime() - t0);
    for (ProcessHandle h : postgres) {
      if (h.isAlive()) {
        try {
          h.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          // still alive: handled below
        }
      }
    }
    long left = postgres.stream().filter(ProcessHandle::isAlive).count();
    if (left > 0) {
      append(note, left + " postgres process(es) left behind: stopped");
      // The postmaster first (SIGTERM), then whatever remains.
      postgres.forEach(ProcessHandle::destroy);
      for (ProcessHandle h : postgres) {
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      }
    }
    return took;
  }

  private void killCurrent() {
    Process p = current;
    if (p != null && p.isAlive()) {
      p.destroy();
      try {
        p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void append(StringBuilder note, String s) {
    if (note != null) {
      note.append(note.length() == 0 ? "" : "; ").append(s);
    }
  }

  private static Run failed(Mode mode, int round, String why) {
    return new Run(mode, round, why, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, Double.NaN, "");
  }

  // ---------------------------------------------------------------- output

  private static void printProgress(Run r) {
    if (r.ok()) {
      OUT.printf(
          "  round %d %-13s healthy in %6.2f s, total RSS %7.1f MiB%n",
          r.round(), r.mode().label, r.healthySeconds(), mib(r.totalRssKb()));
    } else {
      OUT.printf("  round %d %-13s FAILED: %s%n", r.round(), r.mode().label, r.failure());
    }
  }

  private static void printTable(List<Run> runs) {
    OUT.println();
    OUT.println("Every run (MiB = VmRSS from /proc/PID/status; PSS from /proc/PID/smaps_rollup)");
    String head =
        String.format(
            "%-13s %5s %10s %9s %9s %13s %6s %10s %10s %12s %7s  %s",
            "mode",
            "round",
            "healthy s",
            "JVM CPU s",
            "JVM RSS",
            "postgres RSS",
            "procs",
            "total RSS",
            "total PSS",
            "ext srv RSS",
            "stop s",
            "note");
    OUT.println(head);
    OUT.println("-".repeat(head.length() + 4));
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing((Run r) -> r.mode()).thenComparingInt(Run::round));
    for (Run r : sorted) {
      if (!r.ok()) {
        OUT.printf("%-13s %5d  FAILED: %s%n", r.mode().label, r.round(), firstLine(r.failure()));
        continue;
      }
      OUT.printf(
          "%-13s %5d %10.2f %9.2f %9.1f %13.1f %6d %10.1f %10.1f %12s %7.2f  %s%n",
          r.mode().label,
          r.round(),
          r.healthySeconds(),
          r.jvmCpuSeconds(),
          mib(r.jvmRssKb()),
          mib(r.pgRssKb()),
          r.pgProcesses(),
          mib(r.totalRssKb()),
          mib(r.totalPssKb()),
          r.mode() == Mode.EXTERNAL ? String.format("%.1f", mib(r.externalServerRssKb())) : "-",
          r.stopSeconds(),
          r.note());
    }
  }

  private static void printSummary(List<Run> runs) {
    Map<Mode, List<Run>> byMode = new LinkedHashMap<>();
    for (Mode m : Mode.values()) {
      byMode.put(m, runs.stream().filter(r -> r.mode() == m && r.ok()).toList());
    }
    OUT.println();
    OUT.println("Medians per mode");
    String head =
        String.format(
            "%-13s %4s %10s %9s %9s %13s %10s %10s",
            "mode",
            "n",
            "healthy s",
            "JVM CPU s",
            "JVM RSS",
            "postgres RSS",
            "total RSS",
            "total PSS");
    OUT.println(head);
    OUT.println("-".repeat(head.length()));
    for (var e : byMode.entrySet()) {
      List<Run> ok = e.getValue();
      long failedCount = runs.stream().filter(r -> r.mode() == e.getKey() && !r.ok()).count();
      if (ok.isEmpty()) {
        OUT.printf("%-13s %4d  no successful run (%d failed)%n", e.getKey().label, 0, failedCount);
        continue;
      }
      OUT.printf(
          "%-13s %4d %10.2f %9.2f %9.1f %13.1f %10.1f %10.1f%s%n",
          e.getKey().label,
          ok.size(),
          median(ok, Run::healthySeconds),
          median(ok, Run::jvmCpuSeconds),
          mib(median(ok, r -> r.jvmRssKb())),
          mib(median(ok, r -> r.pgRssKb())),
          mib(median(ok, r -> r.totalRssKb())),
          mib(median(ok, r -> r.totalPssKb())),
          failedCount > 0 ? "   (" + failedCount + " failed)" : "");
    }
    List<Run> ext = byMode.get(Mode.EXTERNAL);
    if (!ext.isEmpty()) {
      OUT.printf(
          "(external: the separate PostgreSQL server itself held a median %.1f MiB RSS, not in"
              + " its total)%n",
          mib(median(ext, r -> r.externalServerRssKb())));
    }

    OUT.println();
    OUT.println("Ratios of medians (embedded / external; 1.00 = same, 2.00 = twice the external)");
    for (Mode m : List.of(Mode.EMBEDDED_COLD, Mode.EMBEDDED_WARM)) {
      List<Run> emb = byMode.get(m);
      OUT.printf(
          "  %-13s / external: time to healthy %s   total RSS %s   total PSS %s"
              + "   (JVM CPU %s, JVM RSS %s)%n",
          m.label,
          ratio(emb, ext, Run::healthySeconds),
          ratio(emb, ext, r -> r.totalRssKb()),
          ratio(emb, ext, r -> r.totalPssKb()),
          ratio(emb, ext, Run::jvmCpuSeconds),
          ratio(emb, ext, r -> r.jvmRssKb()));
    }
  }

  private static String ratio(List<Run> a, List<Run> b, ToDoubleFunction<Run> f) {
    if (a.isEmpty() || b.isEmpty()) {
      return "  n/a";
    }
    double den = median(b, f);
    return den == 0 ? "  n/a" : String.format("%5.2fx", median(a, f) / den);
  }

  static double median(List<Run> runs, ToDoubleFunction<Run> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }

  // ---------------------------------------------------------------- /proc and files

  static long rssKb(long pid) {
    return procField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
  }

  static long pssKb(long pid) {
    return procField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
  }

  /** The kB value of a "Name: 123 kB" line; 0 when the process or the line is gone. */
  private static long procField(Path file, String name) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(l -> l.startsWith(name))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").trim()))
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String memTotal() {
    long kb = procField(Path.of("/proc/meminfo"), "MemTotal:");
    return kb == 0 ? "memory unknown" : String.format("%.1f GiB RAM", kb / (1024.0 * 1024.0));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
      return "\n    service log, last "
          + last.size()
          + " lines:\n      "
          + String.join("\n      ", last);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " (log above)";
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort
                }
              });
    } catch (IOException e) {
      OUT.println("  (could not delete " + root + ": " + e.getMessage() + ")");
    }
  }

  private static String modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String randomSecret() {
    byte[] b = new byte[48];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double mib(double kb) {
    return kb / 1024.0;
  }
}
