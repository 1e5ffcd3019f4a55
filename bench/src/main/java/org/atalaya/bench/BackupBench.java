package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.seconds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Time and size of the service's own {@code backup}, {@code restore} and {@code export} commands on
 * two databases: the demo, and the demo's schema holding 1,000,000 measurements (250 monthly
 * indicators × 50 territories × 4 sexes × 20 months, inserted in one statement as the ingest
 * bench's COPY leg loads them: straight into the table, rollups maintained). The backup is taken
 * while the service runs, as an observatory would; restore and export run with it stopped. A
 * benchmark, not a test: it always exits 0.
 */
final class BackupBench {
  private static final String MILLION =
      """
      INSERT INTO measurement (indicator_id, period_start, sex, territory_id, source_id, value,
                               status, recorded_by)
      SELECT i.id, (DATE '2020-01-01' + m * INTERVAL '1 month')::date, s.sex, t.id, src.id,
             (random() * 100)::int, 'VALIDATED', 'bench'
      FROM indicator i JOIN indicator_source src ON src.indicator_id = i.id
      CROSS JOIN (SELECT id FROM territory WHERE code LIKE 'BENCH%') t
      CROSS JOIN (VALUES ('F'), ('M'), ('_U'), ('_T')) s (sex)
      CROSS JOIN generate_series(0, 19) m
      WHERE i.code LIKE 'BENCH-%'""";

  private final Path work;
  private final Path jar;
  private final List<String> lines = new ArrayList<>();

  private BackupBench(Path work, Path jar) {
    this.work = work;
    this.jar = jar;
  }

  public static void main(String[] args) {
    Bench.run(
        () -> {
          var jar = ServiceJar.resolve(null);
          if (jar.isEmpty()) {
            return;
          }
          Path work = Files.createTempDirectory("atalaya-backup-bench-");
          try {
            BackupBench bench = new BackupBench(work, ServiceJar.privateCopy(jar.get(), work));
            ServiceJar.printHeaderLine(jar.get());
            bench.leg("demo", true);
            bench.leg("1,000,000", false);
            OUT.println();
            OUT.println(
                "| database | measurements | DB size MB | backup s | archive MB | restore s"
                    + " | restored MB | export s | export MB |");
            OUT.println("|---|---|---|---|---|---|---|---|---|");
            bench.lines.forEach(OUT::println);
          } finally {
            BenchFiles.deleteTree(work);
          }
        });
  }

  private void leg(String name, boolean demo) throws Exception {
    Path dir = Files.createDirectories(work.resolve(demo ? "demo" : "million"));
    Path data = dir.resolve("pg");
    int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "0"));
    port = port > 0 ? port : ServiceProcess.freePort();
    List<String> command = ServiceProcess.command(List.of(), jar);
    if (demo) {
      command.add("--demo");
    }
    ProcessBuilder pb =
        ServiceProcess.builder(
            command, dir, dir.resolve("service.log"), port, ServiceProcess.randomSecret(48));
    pb.environment().put("ATALAYA_DATABASE_EMBEDDED_DATA_DIR", data.toString());
    pb.environment().put("ATALAYA_ADMIN_PASSWORD", ServiceProcess.randomSecret(18));
    OUT.printf("%n[%s] starting the service on a new data directory...%n", name);
    Process service = pb.start();
    try {
      String failed =
          ServiceProcess.awaitHealthy(
              HttpClient.newHttpClient(),
              service,
              URI.create("http://localhost:" + port + "/health"),
              System.nanoTime(),
              Duration.ofMinutes(10));
      if (failed != null) {
        OUT.println("FAILED: " + failed + BenchFiles.tail(dir.resolve("service.log")));
        return;
      }
      String url = "jdbc:postgresql://localhost:" + postgresPort(data) + "/atalaya";
      if (!demo) {
        long t0 = System.nanoTime();
        load(url);
        OUT.printf("[%s] loaded in %.1f s%n", name, seconds(System.nanoTime() - t0));
      }
      long rows = number(url, "SELECT count(*) FROM measurement");
      long dbBytes = number(url, "SELECT pg_database_size('atalaya')");
      Path copies = dir.resolve("copias");
      double backup =
          command(dir, "backup", "--out", copies.toString(), "--data-dir", data.toString());
      Path archive = only(copies);
      ServiceProcess.stop(service);
      Path restored = dir.resolve("restaurada");
      double restore =
          command(dir, "restore", archive.toString(), "--data-dir", restored.toString());
      Path export = dir.resolve("exportacion");
      double exported =
          command(dir, "export", "--out", export.toString(), "--data-dir", restored.toString());
      lines.add(
          "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |"
              .formatted(
                  name,
                  rows,
                  dbBytes / 1e6,
                  backup,
                  Files.size(archive) / 1e6,
                  restore,
                  size(restored) / 1e6,
                  exported,
                  size(export) / 1e6));
      OUT.println(lines.get(lines.size() - 1));
    } finally {
      ServiceProcess.stop(service);
    }
  }

  /** 250 monthly indicators by sex and territory, 50 territories, then 1,000,000 measurements. */
  private static void load(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        var s = c.createStatement()) {
      s.execute(
          "INSERT INTO territory (code, name, level) VALUES ('BENCH', 'Distrito de prueba',"
              + " 'DISTRICT')");
      s.execute(
          "INSERT INTO territory (code, name, level, parent_id) SELECT 'BENCH-' || g,"
              + " 'Corregimiento ' || g, 'CORREGIMIENTO', (SELECT id FROM territory WHERE code ="
              + " 'BENCH') FROM generate_series(1, 49) g");
      s.execute(
          "INSERT INTO indicator (code, name, kind, unit, direction, frequency, accumulation,"
              + " by_sex, by_territory, source_kind) SELECT 'BENCH-' || g, 'Indicador ' || g,"
              + " 'COUNT', 'casos', 'DECREASE', 'MONTHLY', 'PERIODIC', true, true,"
              + " 'ADMINISTRATIVE' FROM generate_series(1, 250) g");
      s.execute(
          "INSERT INTO indicator_source (indicator_id, code, name, official) SELECT id,"
              + " 'OFICIAL', 'Fuente oficial', true FROM indicator WHERE code LIKE 'BENCH-%'");
      s.execute(MILLION);
      s.execute("ANALYZE measurement");
    }
  }

  /** Runs {@code java -jar atalaya.jar ARGS}; its seconds, or NaN when it failed (and why). */
  private double command(Path dir, String... args) throws Exception {
    List<String> cmd = ServiceProcess.command(List.of(), jar);
    cmd.addAll(List.of(args));
    Path log = dir.resolve(args[0] + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("ATALAYA_"));
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      OUT.println("FAILED: " + String.join(" ", args) + BenchFiles.tail(log));
      return Double.NaN;
    }
    double s = seconds(System.nanoTime() - t0);
    List<String> out = Files.readAllLines(log);
    OUT.println("  " + (out.isEmpty() ? args[0] : out.get(out.size() - 1)));
    return s;
  }

  private static Path only(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
    }
  }

  private static long size(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static int postgresPort(Path data) throws IOException {
    return Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim());
  }

  private static long number(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
