package org.atalaya.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
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
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk load throughput: the same measurement rows (1,000,000 by default) loaded through the
 * service's CSV upload endpoint, and with PostgreSQL's COPY straight into the same {@code
 * measurement} table of the same server. Prints rows/s for both, their ratio, and the service's
 * peak heap during the upload, then a verdict against the goal (upload at least half as fast as
 * COPY, heap under 256 MiB). A benchmark, not a test: it always exits 0.
 */
public final class IngestBench {

  private static final PrintStream OUT = System.out;
  private static final String DEFAULT_JAR_DIR = "service/target";
  private static final String DATABASE = "atalaya_ingest";
  private static final String ADMIN = "admin";
  private static final Duration HEALTH_POLL = Duration.ofMillis(50);
  private static final Duration HEAP_POLL = Duration.ofMillis(100);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  private static final double GOAL_RATIO = 0.5;
  private static final long GOAL_HEAP_BYTES = 256L * 1024 * 1024;
  private static final double AUTO_SECOND_ROUND_SECONDS = 120;

  // The grid the rows are drawn from: every row is a distinct cell.
  private static final int FIRST_YEAR = 2000;
  private static final int MONTHS = 26 * 12; // 2000-01 .. 2025-12, never in the future
  private static final String[] SEXES = {"F", "M"};
  private static final int TERRITORIES = 18; // LCH-01 .. LCH-18, the demo's corregimientos
  private static final int AGE_GROUPS = 7; // A1 .. A7
  private static final int CELLS_PER_INDICATOR = MONTHS * SEXES.length * TERRITORIES * AGE_GROUPS;

  private static final String COPY_SQL =
      "COPY measurement (indicator_id, period_start, sex, territory_id, age_group, source_id,"
          + " value, recorded_by) FROM STDIN (FORMAT csv)";

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern HEAP_LINE =
      Pattern.compile("^jvm_memory_(used|max)_bytes\\{([^}]*)}\\s+(\\S+)");
  private static final Pattern GC_LINE =
      Pattern.compile(
          "GC\\(\\d+\\) (Pause [^(]*).*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)"
              + "(?: (\\d+(?:\\.\\d+)?)ms)?");

  enum Method {
    UPLOAD("upload"),
    COPY("COPY");

    final String label;

    Method(String label) {
      this.label = label;
    }
  }

  /** What the upload's memory did; bytes, or -1 when unknown. */
  record Memory(
      long sampledPeakHeap,
      int samples,
      long gcPeakBeforeGc,
      long gcPeakAfterGc,
      int gcCount,
      double gcPauseMs,
      long peakRssKb,
      boolean rssPeakReset) {
    static final Memory NONE = new Memory(-1, 0, -1, -1, 0, 0, -1, false);
  }

  /**
   * A statement the service ran during the upload, as pg_stat_activity showed it: first and last
   * sample that saw it, in seconds from the request's start.
   */
  record Phase(String statement, double first, double last, int samples) {}

  /** One timed load. */
  record Result(
      Method method,
      int round,
      int position,
      String failure,
      double seconds,
      long rows,
      double serviceCpuSeconds,
      double postgresCpuSeconds,
      String serverReport,
      Memory memory,
      List<Phase> phases,
      String note) {

    boolean ok() {
      return failure == null;
    }

    Result withNote(String more) {
      String joined = note.isEmpty() ? more : more.isEmpty() ? note : note + "; " + more;
      return new Result(
          method,
          round,
          position,
          failure,
          seconds,
          rows,
          serviceCpuSeconds,
          postgresCpuSeconds,
          serverReport,
          memory,
          phases,
          joined);
    }

    Result failedWith(String why) {
      return new Result(
          method,
          round,
          position,
          why,
          seconds,
          0,
          serviceCpuSeconds,
          postgresCpuSeconds,
          serverReport,
          memory,
          phases,
          note);
    }

    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  record Options(
      long rows,
      int rounds,
      Path jar,
      String xmx,
      Duration uploadTimeout,
      Duration healthTimeout,
      List<String> jvmArgs,
      Path keepLogs,
      boolean analyzeEmpty) {}

  record Ids(Map<String, Long> indicators, Map<Long, Long> officialSource, long[] territories) {}

  private final Options options;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String adminPassword = randomSecret(18);
  private Path workRoot;
  private Path jar;
  private Path serviceLog;
  private Path gcLog;
  private EmbeddedPostgres postgres;
  private DataSource database;
  private volatile Process service;
  private URI base;
  private long expectedValueSum;
  private volatile long maxHeapBytes = -1;

  private IngestBench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    try {
      Optional<Options> options = parse(args);
      if (options.isPresent()) {
        new IngestBench(options.get()).runAll();
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
    long rows = 1_000_000;
    int rounds = 0; // auto
    Path jar = null;
    String xmx = "256m";
    Duration uploadTimeout = Duration.ofMinutes(30);
    Duration healthTimeout = Duration.ofSeconds(120);
    List<String> jvmArgs = new ArrayList<>();
    Path keepLogs = null;
    boolean analyzeEmpty = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          value = a.substring(eq + 1);
          a = a.substring(0, eq);
        }
        if (a.equals("--analyze-empty")) {
          analyzeEmpty = true;
          continue;
        }
        if (!a.equals("-h") && !a.equals("--help") && value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          value = args[++i];
        }
        switch (a) {
          case "-h", "--help" -> {
            usage();
            return Optional.empty();
          }
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
      if (rows < 1 || rows > (long) CELLS_PER_INDICATOR * 999) {
        throw new IllegalArgumentException(
            "--rows must be between 1 and " + CELLS_PER_INDICATOR * 999L);
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
            rows,
            rounds,
            jar.toAbsolutePath().normalize(),
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

  private static Path findServiceJar(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
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

  private void runAll() throws Exception {
    workRoot = Files.createTempDirectory("atalaya-ingest-");
    // Run a private copy: a rebuild of service/target during the run must not change the subject.
    jar = Files.copy(options.jar(), workRoot.resolve("service.jar"));
    serviceLog = workRoot.resolve("service.log");
    gcLog = workRoot.resolve("gc.log");
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "bench-interrupted"));
    List<Result> results = new ArrayList<>();
    try {
      printHeader();
      if (!setUp()) {
        return;
      }
      Path csv = workRoot.resolve("bench.csv");
      Path copy = workRoot.resolve("bench-copy.csv");
      Ids ids = readIds();
      long t0 = System.nanoTime();
      generate(ids, csv, copy);
      OUT.printf(
          "Generated %,d rows in %.1f s: upload file %.1f MiB, COPY file %.1f MiB"
              + " (value sum %,d)%n",
          options.rows(),
          seconds(System.nanoTime() - t0),
          sizeOf(csv) / 1048576.0,
          sizeOf(copy) / 1048576.0,
          expectedValueSum);
      OUT.println();

      int round = 1;
      while (true) {
        long roundStart = System.nanoTime();
        // Alternate who goes first, so drift and warm-up spread over both methods.
        Method[] order =
            round % 2 == 1
                ? new Method[] {Method.UPLOAD, Method.COPY}
                : new Method[] {Method.COPY, Method.UPLOAD};
        for (int k = 0; k < order.length; k++) {
          Result r = measure(order[k], round, k + 1, csv, copy);
          results.add(r);
          printProgress(r);
        }
        double roundSeconds = seconds(System.nanoTime() - roundStart);
        int planned =
            options.rounds() > 0
                ? options.rounds()
                : (roundSeconds < AUTO_SECOND_ROUND_SECONDS ? 2 : 1);
        if (options.rounds() == 0 && round == 1) {
          OUT.printf(
              "  (round 1 took %.0f s with its preparation: --rounds auto runs %s)%n",
              roundSeconds,
              planned == 2 ? "a second round, order reversed" : "no second round (over 120 s)");
        }
        if (round >= planned) {
          break;
        }
        round++;
      }
    } finally {
      stopService();
      keepLogs();
      stopPostgres();
      deleteTree(workRoot);
    }
    printResults(results);
  }

  private void printHeader() {
    OUT.printf(
        "Atalaya ingest benchmark, %s%n", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    OUT.printf(
        "  jar %s (%.1f MiB, modified %s; launched from a private copy)%n",
        options.jar(), sizeOf(options.jar()) / 1048576.0, modified(options.jar()));
    OUT.printf(
        "  java %s, %d cores, %s; service JVM -Xmx%s%s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        memTotal(),
        options.xmx(),
        options.jvmArgs().isEmpty() ? "" : " " + String.join(" ", options.jvmArgs()));
    OUT.printf(
        "  %,d rows each way; rounds: %s; heap polled every %d ms during the upload%n",
        options.rows(),
        options.rounds() == 0 ? "auto" : Integer.toString(options.rounds()),
        HEAP_POLL.toMillis());
    OUT.println(
        "  COPY target: the same measurement table of the same database the service uses (no"
            + " second database);\n  before every load, upload or COPY: ANALYZE, TRUNCATE (the"
            + " table as new: never analyzed) and CHECKPOINT, untimed");
    OUT.println();
  }

  // ---------------------------------------------------------------- set-up

  /** PostgreSQL, the service, an admin token and the indicators. False (printed) on failure. */
  private boolean setUp() {
    try {
      long t0 = System.nanoTime();
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(workRoot.resolve("pg"))
              .setCleanDataDirectory(true)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "100")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
      }
      database = postgres.getDatabase("postgres", DATABASE);
      OUT.printf(
          "PostgreSQL (zonky, durable: fsync, synchronous_commit, full_page_writes on) started by"
              + " the bench on port %d in %.2f s; %s%n",
          postgres.getPort(), seconds(System.nanoTime() - t0), serverVersion());
    } catch (Throwable e) {
      OUT.println("FAILED: PostgreSQL did not start: " + e);
      return false;
    }
    String failure;
    try {
      failure = startService();
    } catch (Throwable e) {
      failure = e.toString();
    }
    if (failure != null) {
      OUT.println("FAILED: the service did not start: " + failure + tail(serviceLog));
      return false;
    }
    try {
      createIndicators();
    } catch (Throwable e) {
      OUT.println("FAILED: could not create the bench indicators: " + e + tail(serviceLog));
      return false;
    }
    return true;
  }

  private String serverVersion() {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1);
    } catch (SQLException e) {
      return "version unknown";
    }
  }

  private String startService() throws Exception {
    int port = freePort();
    base = URI.create("http://localhost:" + port);
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.add("-Xmx" + options.xmx());
    // GC events, to know the true heap peak (heap used just before each collection).
    cmd.add("-Xlog:gc:file=" + gcLog);
    cmd.addAll(options.jvmArgs());
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Path dir = Files.createDirectories(workRoot.resolve("service"));
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(serviceLog.toFile()));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("ATALAYA_"));
    env.put("ATALAYA_PORT", Integer.toString(port));
    env.put("ATALAYA_JWT_SECRET", randomSecret(48));
    env.put("ATALAYA_ADMIN_USERNAME", ADMIN);
    env.put("ATALAYA_ADMIN_PASSWORD", adminPassword);
    env.put("ATALAYA_DEMO", "true");
    env.put(
        "DATASOURCES_DEFAULT_URL",
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE);
    env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
    env.put("DATASOURCES_DEFAULT_PASSWORD", "postgres"); // trust authentication: unused
    long t0 = System.nanoTime();
    Process p = pb.start();
    service = p;
    String notHealthy = awaitHealthy(p, t0);
    if (notHealthy == null) {
      OUT.printf(
          "Service started (pid %d, port %d) and healthy in %.2f s, with the demo plan%n",
          p.pid(), port, seconds(System.nanoTime() - t0));
    }
    return notHealthy;
  }

  private String awaitHealthy(Process process, long t0) throws InterruptedException {
    long deadline = t0 + options.healthTimeout().toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/health"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    String last = "no answer";
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
      Thread.sleep(HEALTH_POLL.toMillis());
    }
    return "not healthy within " + options.healthTimeout().toSeconds() + " s (last: " + last + ")";
  }

  private String login() throws IOException, InterruptedException {
    String body = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + adminPassword + "\"}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IOException("login answered HTTP " + r.statusCode() + ": " + shorten(r.body()));
    }
    return m.group(1);
  }

  private int indicatorCount() {
    return (int) ((options.rows() + CELLS_PER_INDICATOR - 1) / CELLS_PER_INDICATOR);
  }

  private static String indicatorCode(int i) {
    return String.format("B%02d", i + 1);
  }

  private void createIndicators() throws IOException, InterruptedException {
    String token = login();
    for (int i = 0; i < indicatorCount(); i++) {
      String code = indicatorCode(i);
      String json =
          "{\"code\":\""
              + code
              + "\",\"name\":\"Bench "
              + code
              + "\",\"kind\":\"COUNT\",\"unit\":\"casos\",\"direction\":\"DECREASE\","
              + "\"frequency\":\"MONTHLY\",\"accumulation\":\"PERIODIC\","
              + "\"sourceKind\":\"ADMINISTRATIVE\","
              + "\"disaggregations\":{\"sex\":true,\"territory\":true,\"ageGroup\":true},"
              + "\"actionCard\":{\"plan\":\"LCH-PISCC-2025\",\"code\":\"CONT-01\"}}";
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/indicators"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IOException(
            "POST /api/indicators "
                + code
                + " answered HTTP "
                + r.statusCode()
                + ": "
                + shorten(r.body()));
      }
    }
    OUT.printf(
        "Created %d indicators (%s..%s; monthly counts by sex, territory and age group)%n",
        indicatorCount(), indicatorCode(0), indicatorCode(indicatorCount() - 1));
  }

  /** The ids COPY needs: indicators, their official sources, the corregimientos. */
  private Ids readIds() throws SQLException {
    Map<String, Long> indicators = new HashMap<>();
    Map<Long, Long> sources = new HashMap<>();
    Map<String, Long> territoryByCode = new HashMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, code FROM indicator")) {
        while (rs.next()) {
          indicators.put(rs.getString(2), rs.getLong(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT id, indicator_id FROM indicator_source WHERE official")) {
        while (rs.next()) {
          sources.put(rs.getLong(2), rs.getLong(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, code FROM territory")) {
        while (rs.next()) {
          territoryByCode.put(rs.getString(2), rs.getLong(1));
        }
      }
    }
    long[] territories = new long[TERRITORIES];
    for (int t = 0; t < TERRITORIES; t++) {
      Long id = territoryByCode.get(territoryCode(t));
      if (id == null) {
        throw new IllegalStateException("territory " + territoryCode(t) + " is missing");
      }
      territories[t] = id;
    }
    for (int i = 0; i < indicatorCount(); i++) {
      Long id = indicators.get(indicatorCode(i));
      if (id == null || !sources.containsKey(id)) {
        throw new IllegalStateException(
            "indicator " + indicatorCode(i) + " or its official source is missing");
      }
    }
    return new Ids(indicators, sources, territories);
  }

  private static String territoryCode(int t) {
    return String.format("LCH-%02d", t + 1);
  }

  // ---------------------------------------------------------------- the rows

  /**
   * Streams the same rows to two files: the upload's CSV (codes) and COPY's CSV (ids, in the
   * table's column order). Values are pseudo-random counts from a fixed seed.
   */
  private void generate(Ids ids, Path csv, Path copy) throws IOException {
    SplittableRandom random = new SplittableRandom(20251124L);
    long written = 0;
    long sum = 0;
    try (Writer up = writer(csv);
        Writer cp = writer(copy)) {
      up.write("indicador,periodo,sexo,territorio,grupo_edad,valor\n");
      outer:
      for (int i = 0; i < indicatorCount(); i++) {
        String code = indicatorCode(i);
        long indicatorId = ids.indicators().get(code);
        long sourceId = ids.officialSource().get(indicatorId);
        for (int m = 0; m < MONTHS; m++) {
          int year = FIRST_YEAR + m / 12;
          int month = m % 12 + 1;
          String period = String.format("%04d-%02d", year, month);
          String periodStart = period + "-01";
          for (String sex : SEXES) {
            for (int t = 0; t < TERRITORIES; t++) {
              String territory = territoryCode(t);
              long territoryId = ids.territories()[t];
              for (int a = 1; a <= AGE_GROUPS; a++) {
                if (written == options.rows()) {
                  break outer;
                }
                int value = random.nextInt(1000);
                sum += value;
                String age = "A" + a;
                up.write(
                    code + ',' + period + ',' + sex + ',' + territory + ',' + age + ',' + value
                        + '\n');
                cp.write(
                    Long.toString(indicatorId)
                        + ','
                        + periodStart
                        + ','
                        + sex
                        + ','
                        + territoryId
                        + ','
                        + age
                        + ','
                        + sourceId
                        + ','
                        + value
                        + ','
                        + ADMIN
                        + '\n');
                written++;
              }
            }
          }
        }
      }
    }
    expectedValueSum = sum;
  }

  private static Writer writer(Path p) throws IOException {
    return Files.newBufferedWriter(p, StandardCharsets.US_ASCII);
  }

  // ---------------------------------------------------------------- one load

  private Result measure(Method method, int round, int position, Path csv, Path copy) {
    String prepared;
    try {
      if (method == Method.UPLOAD && (service == null || !service.isAlive())) {
        return failed(method, round, position, "the service is not running" + tail(serviceLog));
      }
      prepared = prepare();
    } catch (Throwable e) {
      return failed(method, round, position, "could not prepare the table: " + e);
    }
    try {
      double load0 = loadAverage();
      long autovacuum0 = autovacuumRuns();
      Result r =
          method == Method.UPLOAD ? upload(round, position, csv) : copy(round, position, copy);
      List<String> notes = new ArrayList<>();
      if (!prepared.isEmpty()) {
        notes.add(prepared);
      }
      long autovacuum1 = autovacuumRuns();
      if (autovacuum1 != autovacuum0) {
        notes.add("autovacuum/autoanalyze ran on measurement during the load");
      }
      notes.add(String.format("load avg %.1f..%.1f", load0, loadAverage()));
      r = r.withNote(String.join("; ", notes));
      if (r.ok()) {
        String wrong = verify();
        if (wrong != null) {
          return r.failedWith(wrong);
        }
      }
      return r;
    } catch (Throwable e) {
      return failed(method, round, position, "bench error: " + e + tail(serviceLog));
    }
  }

  /**
   * Same starting point for every load, not timed: no statement left running, an empty table as the
   * planner sees a new one (never analyzed), and a fresh checkpoint. The ANALYZE before the
   * TRUNCATE zeroes the table's count of changes, so autovacuum has no reason to analyze the
   * emptied table while a load runs; an analyzed empty table makes the planner pick other plans.
   * Returns a note, empty when all went as planned.
   */
  private String prepare() throws SQLException, InterruptedException {
    List<String> notes = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      // A failed upload's transaction may still be running in the server: stop it first.
      String others =
          " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
              + " AND backend_type = 'client backend' AND state <> 'idle'";
      int cancelled = 0;
      try (ResultSet rs = s.executeQuery("SELECT count(pg_cancel_backend(pid))" + others)) {
        rs.next();
        cancelled = rs.getInt(1);
      }
      if (cancelled > 0) {
        notes.add("cancelled " + cancelled + " statement(s) still running before the load");
        Thread.sleep(2000);
        try (ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid))" + others)) {
          rs.next();
        }
      }
      s.execute("SET lock_timeout = '60s'");
      s.execute("ANALYZE measurement, measurement_revision");
      s.execute("TRUNCATE measurement, measurement_revision");
      if (options.analyzeEmpty()) {
        s.execute("ANALYZE measurement, measurement_revision");
        notes.add("empty table analyzed (--analyze-empty)");
      }
      s.execute("CHECKPOINT");
      try (ResultSet rs =
          s.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'measurement'::regclass")) {
        rs.next();
        double reltuples = rs.getDouble(1);
        if (!options.analyzeEmpty() && reltuples >= 0) {
          notes.add("planner statistics: reltuples " + reltuples + " after TRUNCATE");
        }
      }
    }
    return String.join("; ", notes);
  }

  /** How many times autovacuum has vacuumed or analyzed the measurement table so far. */
  private long autovacuumRuns() {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT autovacuum_count + autoanalyze_count FROM pg_stat_user_tables"
                    + " WHERE relid = 'measurement'::regclass")) {
      return rs.next() ? rs.getLong(1) : -1;
    } catch (SQLException e) {
      return -1;
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Null when the table holds exactly the generated rows. */
  private String verify() throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*), coalesce(sum(value), 0)::bigint FROM measurement")) {
      rs.next();
      long count = rs.getLong(1);
      long sum = rs.getLong(2);
      if (count != options.rows() || sum != expectedValueSum) {
        return String.format(
            "the table holds %,d rows with value sum %,d; expected %,d rows, sum %,d",
            count, sum, options.rows(), expectedValueSum);
      }
      return null;
    }
  }

  private Result upload(int round, int position, Path csv) throws Exception {
    String token = login();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/measurements/upload?file=bench.csv"))
            .timeout(options.uploadTimeout())
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofFile(csv))
            .build();
    long pid = service.pid();
    boolean rssReset = resetPeakRss(pid);
    long gcFrom = sizeOf(gcLog);
    double cpu0 = cpuSeconds(service);
    double pg0 = postgresCpuSeconds();
    HttpResponse<String> response;
    long t0 = System.nanoTime();
    HeapSampler sampler = new HeapSampler(pid, t0);
    Thread samplerThread = new Thread(sampler, "heap-sampler");
    samplerThread.setDaemon(true);
    samplerThread.start();
    IOException noAnswer = null;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      response = null;
      noAnswer = e;
    } finally {
      sampler.stop();
    }
    long t1 = System.nanoTime();
    samplerThread.join(5000);
    double cpu = cpuSeconds(service) - cpu0;
    double pg = postgresCpuSeconds() - pg0;
    long hwm = rssReset ? procKb(pid, "VmHWM:") : Math.max(sampler.peakRssKb, -1);
    GcSummary gc = gcSummary(gcFrom);
    Memory memory =
        new Memory(
            sampler.peakHeap,
            sampler.samples,
            gc.peakBefore,
            gc.peakAfter,
            gc.count,
            gc.pauseMs,
            hwm,
            rssReset);
    if (response == null) {
      return new Result(
          Method.UPLOAD,
          round,
          position,
          String.format("no answer after %.1f s (%s)", seconds(t1 - t0), noAnswer),
          seconds(t1 - t0),
          0,
          cpu,
          pg,
          "no answer",
          memory,
          sampler.phases(),
          "");
    }
    String answer = response.body();
    String report =
        String.format(
            "HTTP %d, rows %s, inserted %s, revised %s, unchanged %s, rejected %s, committed %s",
            response.statusCode(),
            jsonField(answer, "rows"),
            jsonField(answer, "inserted"),
            jsonField(answer, "revised"),
            jsonField(answer, "unchanged"),
            jsonField(answer, "rejected"),
            jsonField(answer, "committed"));
    String inserted = jsonField(answer, "inserted");
    if (response.statusCode() != 200 || !Long.toString(options.rows()).equals(inserted)) {
      return new Result(
          Method.UPLOAD,
          round,
          position,
          "upload not accepted as a whole: " + report + "; answer: " + shorten(answer),
          seconds(t1 - t0),
          0,
          cpu,
          pg,
          report,
          memory,
          sampler.phases(),
          "");
    }
    return new Result(
        Method.UPLOAD,
        round,
        position,
        null,
        seconds(t1 - t0),
        options.rows(),
        cpu,
        pg,
        report,
        memory,
        sampler.phases(),
        "");
  }

  private Result copy(int round, int position, Path file) throws Exception {
    double cpu0 = cpuSeconds(service);
    try (Connection c = database.getConnection()) {
      // The connection is opened first, as the service's pool has its connections open too.
      c.setAutoCommit(true);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      double pg0 = postgresCpuSeconds();
      long t0 = System.nanoTime();
      long n;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        n = copy.copyIn(COPY_SQL, in, 1 << 16);
      }
      long t1 = System.nanoTime();
      double pg = postgresCpuSeconds() - pg0;
      double cpu = cpuSeconds(service) - cpu0;
      String report = String.format("COPY %d", n);
      if (n != options.rows()) {
        return new Result(
            Method.COPY,
            round,
            position,
            "COPY loaded " + n + " rows",
            seconds(t1 - t0),
            0,
            cpu,
            pg,
            report,
            Memory.NONE,
            List.of(),
            "");
      }
      return new Result(
          Method.COPY,
          round,
          position,
          null,
          seconds(t1 - t0),
          n,
          cpu,
          pg,
          report,
          Memory.NONE,
          List.of(),
          "");
    }
  }

  private Result failed(Method method, int round, int position, String why) {
    return new Result(
        method,
        round,
        position,
        why,
        Double.NaN,
        0,
        Double.NaN,
        Double.NaN,
        "",
        Memory.NONE,
        List.of(),
        "");
  }

  // ---------------------------------------------------------------- memory

  /**
   * Every 100 ms during the upload: the heap used (/prometheus, summed over the heap pools), the
   * service's VmRSS, and which statement the service's database session is running
   * (pg_stat_activity), to show where the time goes.
   */
  private final class HeapSampler implements Runnable {
    private final long pid;
    private final long t0;
    private volatile boolean running = true;
    private final Map<String, double[]> statements = new LinkedHashMap<>();
    volatile long peakHeap = -1;
    volatile long peakRssKb = -1;
    volatile int samples;

    HeapSampler(long pid, long t0) {
      this.pid = pid;
      this.t0 = t0;
    }

    void stop() {
      running = false;
    }

    synchronized List<Phase> phases() {
      List<Phase> list = new ArrayList<>();
      statements.forEach((k, v) -> list.add(new Phase(k, v[0], v[1], (int) v[2])));
      return list;
    }

    private synchronized void activity(Statement s) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT query FROM pg_stat_activity WHERE datname = current_database()"
                  + " AND state = 'active' AND backend_type = 'client backend'"
                  + " AND pid <> pg_backend_pid()")) {
        double at = seconds(System.nanoTime() - t0);
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
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/prometheus"))
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build();
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
          HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
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
            maxHeapBytes = max;
          }
        } catch (IOException e) {
          // a missed sample; the next one may answer
        } catch (InterruptedException e) {
          break;
        }
        peakRssKb = Math.max(peakRssKb, procKb(pid, "VmRSS:"));
        next += HEAP_POLL.toNanos();
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
  }

  record GcSummary(long peakBefore, long peakAfter, int count, double pauseMs) {}

  /** Heap before/after each GC pause logged since {@code from} (bytes of the GC log). */
  private GcSummary gcSummary(long from) {
    long before = -1;
    long after = -1;
    int count = 0;
    double pause = 0;
    try {
      byte[] all = Files.readAllBytes(gcLog);
      String text =
          new String(
              all,
              (int) Math.min(from, all.length),
              (int) Math.max(0, all.length - from),
              StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          count++;
          before = Math.max(before, bytes(m.group(2), m.group(3)));
          after = Math.max(after, bytes(m.group(4), m.group(5)));
          if (m.group(8) != null) {
            pause += Double.parseDouble(m.group(8));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return new GcSummary(-1, -1, 0, 0);
    }
    return new GcSummary(before, after, count, pause);
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v * 1024;
      case "M" -> v * 1024 * 1024;
      case "G" -> v * 1024 * 1024 * 1024;
      default -> v;
    };
  }

  /** Resets the kernel's peak RSS (VmHWM) of a process; false where the kernel refuses. */
  private static boolean resetPeakRss(long pid) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- CPU

  private static double cpuSeconds(Process p) {
    return p == null
        ? Double.NaN
        : p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  /**
   * CPU seconds used so far by the PostgreSQL server: the postmaster with its reaped children, plus
   * the live children (backends, checkpointer, WAL writer...). Clock ticks of 1/100 s.
   */
  private double postgresCpuSeconds() {
    try {
      Path pidFile = workRoot.resolve("pg").resolve("postmaster.pid");
      long pm = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      long ticks = statTicks(pm, true);
      Optional<ProcessHandle> h = ProcessHandle.of(pm);
      if (h.isPresent()) {
        for (ProcessHandle child : (Iterable<ProcessHandle>) h.get().children()::iterator) {
          ticks += statTicks(child.pid(), false);
        }
      }
      return ticks / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static long statTicks(long pid, boolean withChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      if (withChildren) {
        t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
      }
      return t;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  // ---------------------------------------------------------------- output

  private void printProgress(Result r) {
    if (!r.ok()) {
      OUT.printf(
          "  round %d #%d %-6s FAILED: %s%s%n",
          r.round(),
          r.position(),
          r.method().label,
          r.failure(),
          r.note().isEmpty() ? "" : "\n      note: " + r.note());
      return;
    }
    OUT.printf(
        "  round %d #%d %-6s %,d rows in %7.2f s = %,9.0f rows/s   (%s)%n",
        r.round(),
        r.position(),
        r.method().label,
        r.rows(),
        r.seconds(),
        r.rowsPerSecond(),
        r.serverReport());
    if (!r.note().isEmpty()) {
      OUT.println("      note: " + r.note());
    }
  }

  private void printResults(List<Result> results) {
    if (results.isEmpty()) {
      OUT.println();
      OUT.println("No load was measured. GOAL: not assessed.");
      return;
    }
    OUT.println();
    OUT.println(
        "Every load (seconds: client's view, from the request's/COPY's start to its answer;"
            + " CPU: seconds used during the load)");
    String head =
        String.format(
            "%-5s %3s %-6s %10s %9s %11s %11s %9s",
            "round", "#", "method", "rows", "seconds", "rows/s", "service CPU", "PG CPU");
    OUT.println(head);
    OUT.println("-".repeat(head.length()));
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingInt(Result::round).thenComparingInt(Result::position));
    for (Result r : sorted) {
      if (!r.ok()) {
        OUT.printf(
            "%-5d %3d %-6s  FAILED: %s%n",
            r.round(), r.position(), r.method().label, firstLine(r.failure()));
        continue;
      }
      OUT.printf(
          "%-5d %3d %-6s %,10d %9.2f %,11.0f %11.2f %9.2f%n",
          r.round(),
          r.position(),
          r.method().label,
          r.rows(),
          r.seconds(),
          r.rowsPerSecond(),
          r.serviceCpuSeconds(),
          r.postgresCpuSeconds());
    }

    List<Result> uploads = results.stream().filter(r -> r.method() == Method.UPLOAD).toList();
    OUT.println();
    OUT.printf(
        "Service memory during each upload (JVM -Xmx%s; heap max reported by the JVM: %s)%n",
        options.xmx(), maxHeapBytes > 0 ? String.format("%.1f MiB", mib(maxHeapBytes)) : "?");
    String mhead =
        String.format(
            "%-5s %22s %9s %20s %19s %14s %18s",
            "round",
            "peak heap, /prometheus",
            "samples",
            "peak heap before GC",
            "max heap after GC",
            "GC pauses",
            "peak RSS (VmHWM)");
    OUT.println(mhead);
    OUT.println("-".repeat(mhead.length()));
    for (Result r : uploads) {
      Memory m = r.memory();
      OUT.printf(
          "%-5d %22s %9d %20s %19s %14s %18s%s%n",
          r.round(),
          mibOrDash(m.sampledPeakHeap()),
          m.samples(),
          mibOrDash(m.gcPeakBeforeGc()),
          mibOrDash(m.gcPeakAfterGc()),
          String.format("%d, %.0f ms", m.gcCount(), m.gcPauseMs()),
          mibOrDash(m.peakRssKb() < 0 ? -1 : m.peakRssKb() * 1024),
          m.rssPeakReset() ? "" : "  (VmHWM not reset: max of sampled VmRSS)");
    }

    OUT.println();
    OUT.println(
        "Where each upload's time went: the service's statements as pg_stat_activity showed them,"
            + " sampled every 100 ms\n(seconds from the request's start; shorter ones may be"
            + " missed)");
    for (Result r : uploads) {
      OUT.printf("  round %d:%s%n", r.round(), r.phases().isEmpty() ? " nothing seen" : "");
      for (Phase ph : r.phases()) {
        OUT.printf(
            "    %6.1f .. %6.1f s  (~%5.1f s)  %s%n",
            ph.first(), ph.last(), ph.last() - ph.first() + 0.1, ph.statement());
      }
    }

    List<Result> okUploads = uploads.stream().filter(Result::ok).toList();
    List<Result> okCopies =
        results.stream().filter(r -> r.method() == Method.COPY && r.ok()).toList();
    OUT.println();
    OUT.println("Summary (median over rounds; with 2 rounds the mean of the two)");
    summaryLine("upload", okUploads, uploads.size());
    summaryLine(
        "COPY", okCopies, (int) results.stream().filter(r -> r.method() == Method.COPY).count());
    Double ratio = null;
    if (!okUploads.isEmpty() && !okCopies.isEmpty()) {
      ratio = median(okUploads, Result::rowsPerSecond) / median(okCopies, Result::rowsPerSecond);
      StringBuilder perRound = new StringBuilder();
      for (Result u : okUploads) {
        results.stream()
            .filter(c -> c.method() == Method.COPY && c.ok() && c.round() == u.round())
            .findFirst()
            .ifPresent(
                c ->
                    perRound.append(
                        String.format(
                            "%sround %d %.2f",
                            perRound.length() == 0 ? "" : ", ",
                            u.round(),
                            u.rowsPerSecond() / c.rowsPerSecond())));
      }
      OUT.printf(
          "  ratio upload / COPY throughput: %.2f  (%.1f%% of COPY's rows/s; per round: %s)%n",
          ratio, ratio * 100, perRound);
    } else {
      OUT.println("  ratio upload / COPY throughput: n/a (a method has no successful load)");
    }

    long peakHeap = -1;
    for (Result r : uploads) {
      peakHeap =
          Math.max(peakHeap, Math.max(r.memory().sampledPeakHeap(), r.memory().gcPeakBeforeGc()));
    }
    OUT.println();
    long failedUploads = uploads.size() - okUploads.size();
    boolean ratioMet = ratio != null && ratio >= GOAL_RATIO;
    boolean heapMet = peakHeap > 0 && peakHeap < GOAL_HEAP_BYTES;
    OUT.printf(
        "GOAL upload >= %.1f x COPY throughput with heap < 256 MiB: %s%n",
        GOAL_RATIO, ratioMet && heapMet && failedUploads == 0 ? "MET" : "NOT MET");
    if (failedUploads > 0) {
      OUT.printf(
          "  uploads: not met (%d of %d failed; the ratio counts only the successful ones)%n",
          failedUploads, uploads.size());
    }
    OUT.printf(
        "  throughput: %s (ratio %s, needs >= %.2f)%n",
        ratio == null ? "not measured" : ratioMet ? "met" : "not met",
        ratio == null ? "n/a" : String.format("%.2f", ratio),
        GOAL_RATIO);
    OUT.printf(
        "  heap: %s (peak %s: the higher of the /prometheus samples and the GC log's heap before"
            + " a collection, over every upload; -Xmx%s)%n",
        peakHeap <= 0 ? "not measured" : heapMet ? "met" : "not met",
        mibOrDash(peakHeap),
        options.xmx());
  }

  private static void summaryLine(String label, List<Result> ok, int all) {
    if (ok.isEmpty()) {
      OUT.printf("  %-6s no successful load (%d failed)%n", label, all);
      return;
    }
    OUT.printf(
        "  %-6s %,10.0f rows/s  (%.2f s for %,d rows; n=%d%s)%n",
        label,
        median(ok, Result::rowsPerSecond),
        median(ok, Result::seconds),
        ok.get(0).rows(),
        ok.size(),
        all > ok.size() ? ", " + (all - ok.size()) + " failed" : "");
  }

  private static double median(List<Result> rs, ToDoubleFunction<Result> f) {
    double[] v = rs.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }

  // ---------------------------------------------------------------- stopping

  private void stopService() {
    Process p = service;
    if (p == null) {
      return;
    }
    service = null;
    p.destroy();
    try {
      if (!p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        OUT.println("  (the service did not stop in 30 s: killed)");
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopPostgres() {
    EmbeddedPostgres pg = postgres;
    postgres = null;
    if (pg != null) {
      try {
        pg.close();
      } catch (Throwable e) {
        OUT.println("Could not stop PostgreSQL: " + e);
      }
    }
  }

  private void stopQuietly() {
    stopService();
    stopPostgres();
  }

  private void keepLogs() {
    if (options.keepLogs() == null) {
      return;
    }
    try {
      Files.createDirectories(options.keepLogs());
      for (Path log : List.of(serviceLog, gcLog)) {
        if (Files.isRegularFile(log)) {
          Files.copy(
              log,
              options.keepLogs().resolve("ingest-" + log.getFileName()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
      OUT.println("Logs kept in " + options.keepLogs());
    } catch (IOException e) {
      OUT.println("  (could not keep the logs: " + e.getMessage() + ")");
    }
  }

  // ---------------------------------------------------------------- small helpers

  /** A scalar field of a flat JSON answer, as text; "?" when absent. */
  private static String jsonField(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"[^\"]*\"|[^,}\\]\\s]+)").matcher(json);
    return m.find() ? m.group(1) : "?";
  }

  private static long procKb(long pid, String name) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines
          .filter(l -> l.startsWith(name))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").trim()))
          .orElse(-1L);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String memTotal() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines
          .filter(l -> l.startsWith("MemTotal:"))
          .findFirst()
          .map(
              l ->
                  String.format(
                      "%.1f GiB RAM",
                      Long.parseLong(l.substring(9).replace("kB", "").trim()) / 1048576.0))
          .orElse("memory unknown");
    } catch (IOException | RuntimeException e) {
      return "memory unknown";
    }
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

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 600 ? one.substring(0, 600) + "..." : one;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " (log above)";
  }

  private static String mibOrDash(long bytes) {
    return bytes < 0 ? "-" : String.format("%.1f MiB", mib(bytes));
  }

  private static double mib(long bytes) {
    return bytes / 1048576.0;
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

  private static String randomSecret(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
