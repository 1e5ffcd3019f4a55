package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.seconds;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-plan progress at three scales — a municipality (200 indicators × 18 corregimientos × 3 sex
 * codes × 60 months), ×10 and ×50 corregimientos — timed over HTTP against a hand-written SQL
 * aggregate over the raw rows answering the same question, side by side in one run. Goal: under 100
 * ms at municipal scale, and ×50 no more than 3× slower than municipal. Always exits 0.
 *
 * <pre>bench/run.sh progress [--scales 1,10,50] [--rounds 30] [--warmup 5] [--jar PATH]</pre>
 */
public final class ProgressBench {
  private static final int MUNICIPAL_PLACES = 18;
  private static final double SQL_BUDGET_SECONDS = 60;
  private static final int SQL_CAP_SECONDS = 240;

  record Result(int scale, long rows, double loadSeconds, ProgressTimer.Timing timing) {}

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    List<Integer> scales = List.of(1, 10, 50);
    int rounds = 30;
    int warmUp = 5;
    List<String> jarArgs = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--scales" ->
            scales = List.of(args[i + 1].split(",")).stream().map(Integer::valueOf).toList();
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmUp = Integer.parseInt(args[i + 1]);
        case "--jar", "--jvm-arg", "--timeout" -> {
          jarArgs.add(args[i]);
          jarArgs.add(args[i + 1]);
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    IngestOptions options = IngestOptions.parse(jarArgs.toArray(String[]::new)).orElseThrow();
    Path work = Files.createTempDirectory("atalaya-progress-");
    Path jar = ServiceJar.privateCopy(options.jar(), work);
    ServiceJar.printHeaderLine(options.jar());
    OUT.printf(
        "Whole-plan progress (GET /api/progress/plans/%s?asOf=%s, district, everyone) vs a"
            + " hand-written SQL aggregate over the raw rows; %d warm-up and %d timed rounds of"
            + " the service, then the SQL for about %.0f s (once at least, cancelled after %d s)%n%n",
        ProgressPlanData.PLAN,
        ProgressTimer.AS_OF,
        warmUp,
        rounds,
        SQL_BUDGET_SECONDS,
        SQL_CAP_SECONDS);
    EmbeddedPostgres server = NationalStatements.startServer(work.resolve("pg"));
    List<Result> results = new ArrayList<>();
    try {
      for (int scale : scales) {
        results.add(runScale(server, options, jar, work, scale, warmUp, rounds));
      }
    } finally {
      BenchPostgres.stop(server, "PostgreSQL");
    }
    ProgressReport.print(results);
  }

  private static Result runScale(
      EmbeddedPostgres server,
      IngestOptions options,
      Path jar,
      Path work,
      int scale,
      int warmUp,
      int rounds)
      throws Exception {
    String database = "atalaya_progress_" + scale;
    int places = MUNICIPAL_PLACES * scale;
    BenchPostgres.createDatabase(server, database);
    Path dir = Files.createDirectories(work.resolve("scale-" + scale));
    IngestService service = new IngestService(options, jar, dir);
    try {
      String failure = service.start(server.getPort(), database);
      if (failure != null) {
        throw new IllegalStateException("service did not start: " + failure);
      }
      long t0 = System.nanoTime();
      var dataSource = server.getDatabase("postgres", database);
      ProgressPlanData.load(dataSource, places);
      double load = seconds(System.nanoTime() - t0);
      long rows = ProgressPlanData.rows(places);
      OUT.printf(
          "×%d: %d corregimientos, %,d measurement rows generated and rolled up in %.1f s%n",
          scale, places, rows, load);
      var timing =
          new ProgressTimer(service.base(), service.login(), dataSource)
              .run(warmUp, rounds, SQL_BUDGET_SECONDS, SQL_CAP_SECONDS);
      ProgressReport.printScale(new Result(scale, rows, load, timing));
      new StatementsPerRequest(dataSource, database)
          .print(
              "GET /api/progress/plans/" + ProgressPlanData.PLAN,
              service
                  .base()
                  .resolve(
                      "/api/progress/plans/"
                          + ProgressPlanData.PLAN
                          + "?asOf="
                          + ProgressTimer.AS_OF),
              service.login());
      return new Result(scale, rows, load, timing);
    } finally {
      service.stop();
      BenchPostgres.dropDatabase(server, database);
    }
  }
}
