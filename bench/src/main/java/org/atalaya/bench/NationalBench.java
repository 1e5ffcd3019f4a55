package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.seconds;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * National scale, simulated: a fraction of the country's districts (each a published plan with its
 * own indicators and five years of monthly values by sex in every corregimiento) loaded into one
 * database beside the demo, and one district's paths timed over HTTP against the same district
 * alone with the demo ("demo-sized"), both databases on one PostgreSQL, both services running,
 * rounds interleaved. Prints the rows, the load time, the database size, the extrapolation to the
 * whole country, and the statements whose time grew with the database. Always exits 0.
 *
 * <pre>
 * bench/run.sh national [--fraction 0.25] [--districts 80] [--corregimientos 700]
 *                       [--indicators 60] [--rounds 5] [--warmup 1] [--uploads 2]
 *                       [--jar PATH] [--xmx 1g] [--timeout 300] [--jvm-arg ARG]
 * </pre>
 */
public final class NationalBench {
  static final String SMALL = "atalaya_national_demo";
  static final String LARGE = "atalaya_national";

  record Loaded(int districts, long rows, long bytes, double seconds, Map<String, Double> steps) {}

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    double fraction = 0.25;
    int districts = 80;
    int corregimientos = 700;
    int indicators = 60;
    int rounds = 5;
    int warmUp = 1;
    int uploads = 2;
    List<String> serviceArgs = new ArrayList<>(List.of("--xmx", "1g", "--timeout", "300"));
    Args a = new Args(args);
    while (a.next()) {
      switch (a.name()) {
        case "--fraction" -> fraction = Double.parseDouble(a.requiredValue());
        case "--districts" -> districts = Integer.parseInt(a.requiredValue());
        case "--corregimientos" -> corregimientos = Integer.parseInt(a.requiredValue());
        case "--indicators" -> indicators = Integer.parseInt(a.requiredValue());
        case "--rounds" -> rounds = Integer.parseInt(a.requiredValue());
        case "--warmup" -> warmUp = Integer.parseInt(a.requiredValue());
        case "--uploads" -> uploads = Integer.parseInt(a.requiredValue());
        case "--jar", "--xmx", "--jvm-arg", "--timeout" ->
            serviceArgs.addAll(List.of(a.name(), a.requiredValue()));
        default -> throw new IllegalArgumentException("Unknown option " + a.name());
      }
    }
    NationalShape shape = new NationalShape(districts, corregimientos, indicators, fraction);
    IngestOptions options = IngestOptions.parse(serviceArgs.toArray(String[]::new)).orElseThrow();
    Path work = Files.createTempDirectory("atalaya-national-");
    Path jar = ServiceJar.privateCopy(options.jar(), work);
    ServiceJar.printHeaderLine(options.jar());
    int n = shape.loadedDistricts();
    OUT.printf(
        "National scale, simulated: %d districts sharing %d corregimientos, one published plan of"
            + " %d monthly indicators per district, values for F, M and _T over %d months"
            + " (%,d measurement rows for the whole country). This run loads %d of the %d"
            + " districts (fraction %.3f) beside the demo, and times district %s (%d"
            + " corregimientos) against a demo-sized database holding the demo and that district"
            + " alone; %d warm-up and %d timed rounds each, %d upload(s) of %,d rows each after"
            + " one unrecorded; service -Xmx%s%n%n",
        districts,
        corregimientos,
        indicators,
        NationalShape.MONTHS,
        shape.fullRows(),
        n,
        districts,
        fraction,
        NationalShape.districtCode(NationalTimer.TIMED_DISTRICT),
        shape.corregimientosOf(NationalTimer.TIMED_DISTRICT),
        warmUp,
        rounds,
        uploads,
        NationalTimer.UPLOAD_ROWS,
        options.xmx());
    EmbeddedPostgres server = NationalStatements.startServer(work.resolve("pg"));
    IngestService small = new IngestService(options, jar, work.resolve("demo-sized"));
    IngestService large = new IngestService(options, jar, work.resolve("national"));
    try {
      BenchPostgres.createDatabase(server, SMALL);
      BenchPostgres.createDatabase(server, LARGE);
      // Both start at once: each start is mostly waiting (migrations, the demo's load).
      var starts = Executors.newFixedThreadPool(2);
      try {
        Future<String> a1 = starts.submit(() -> small.start(server.getPort(), SMALL));
        Future<String> b1 = starts.submit(() -> large.start(server.getPort(), LARGE));
        for (Future<String> f : List.of(a1, b1)) {
          if (f.get() != null) {
            throw new IllegalStateException("service did not start: " + f.get());
          }
        }
      } finally {
        starts.shutdown();
      }
      var smallDb = server.getDatabase("postgres", SMALL);
      var largeDb = server.getDatabase("postgres", LARGE);
      Loaded smallLoad = load(smallDb, shape, 1, "demo-sized");
      Loaded largeLoad = load(largeDb, shape, n, "national");
      NationalStatements statements = new NationalStatements(server.getPostgresDatabase());
      statements.reset();
      NationalTimer smallTimer = new NationalTimer(small.base(), small.login(), smallDb);
      NationalTimer largeTimer = new NationalTimer(large.base(), large.login(), largeDb);
      List<NationalTimer> timers = List.of(smallTimer, largeTimer);
      OUT.printf("Timing the reads: %d warm-up and %d timed rounds…%n", warmUp, rounds);
      for (int i = 0; i < warmUp; i++) {
        for (NationalTimer t : timers) {
          t.readRound(false);
        }
      }
      for (int i = 0; i < rounds; i++) {
        timers.get(i % 2).readRound(true);
        timers.get(1 - i % 2).readRound(true);
      }
      Path csv = NationalTimer.writeUpload(work, shape);
      OUT.printf("Timing the uploads: 1 unrecorded and %d timed on each database…%n", uploads);
      for (int i = 0; i <= uploads; i++) {
        timers.get(i % 2).uploadRound(csv, i > 0);
        timers.get(1 - i % 2).uploadRound(csv, i > 0);
      }
      NationalReport.print(shape, smallLoad, largeLoad, smallTimer.samples, largeTimer.samples);
      statements.print(
          SMALL, LARGE, server.getDatabase("postgres", LARGE, Map.of("preferQueryMode", "simple")));
      NationalReport.summary(smallTimer.samples, largeTimer.samples);
    } finally {
      small.stop();
      large.stop();
      BenchPostgres.stop(server, "PostgreSQL");
      BenchFiles.deleteTree(work);
    }
  }

  private static Loaded load(
      javax.sql.DataSource db, NationalShape shape, int districts, String name) throws Exception {
    long t0 = System.nanoTime();
    Map<String, Double> steps = NationalData.load(db, shape, districts);
    double took = seconds(System.nanoTime() - t0);
    long[] countAndSize = NationalData.countAndSize(db);
    OUT.printf(
        "Loaded %s: %d district(s), %,d measurement rows in the database (demo included),"
            + " %.1f MiB, in %.1f s:",
        name, districts, countAndSize[0], Figures.mibOfBytes(countAndSize[1]), took);
    steps.forEach((step, s) -> OUT.printf(" %s %.1f s;", step, s));
    OUT.println();
    return new Loaded(districts, countAndSize[0], countAndSize[1], took, steps);
  }
}
