package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bulk load throughput: the same measurement rows (1,000,000 by default) loaded through the
 * service's CSV upload endpoint, and with PostgreSQL's COPY straight into the same {@code
 * measurement} table of the same server. Prints rows/s for both, their ratio, and the service's
 * peak heap during the upload, then a verdict against the goal (upload at least half as fast as
 * COPY, heap under 256 MiB). A benchmark, not a test: it always exits 0.
 */
public final class IngestBench {

  private static final double AUTO_SECOND_ROUND_SECONDS = 120;

  private final IngestOptions options;
  private Path workRoot;
  private IngestDatabase database;
  private IngestService service;

  private IngestBench(IngestOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Bench.run(
        () -> {
          Optional<IngestOptions> options = IngestOptions.parse(args);
          if (options.isPresent()) {
            new IngestBench(options.get()).runAll();
          }
        });
  }

  private void runAll() throws Exception {
    workRoot = Files.createTempDirectory("atalaya-ingest-");
    Path jar = ServiceJar.privateCopy(options.jar(), workRoot);
    database = new IngestDatabase(workRoot.resolve("pg"));
    service = new IngestService(options, jar, workRoot);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "bench-interrupted"));
    List<LoadResult> results = new ArrayList<>();
    try {
      printHeader();
      if (!setUp()) {
        return;
      }
      Path csv = workRoot.resolve("bench.csv");
      Path copy = workRoot.resolve("bench-copy.csv");
      int indicators = MeasurementGrid.indicatorCount(options.rows());
      GridIds ids = GridIds.read(database.dataSource(), indicators);
      long t0 = System.nanoTime();
      long valueSum = MeasurementRows.write(ids, options.rows(), IngestService.ADMIN, csv, copy);
      OUT.printf(
          "Generated %,d rows in %.1f s: upload file %.1f MiB, COPY file %.1f MiB"
              + " (value sum %,d)%n",
          options.rows(),
          seconds(System.nanoTime() - t0),
          BenchFiles.sizeOf(csv) / 1048576.0,
          BenchFiles.sizeOf(copy) / 1048576.0,
          valueSum);
      OUT.println();
      IngestLoads loads =
          new IngestLoads(
              options,
              service,
              new MeasurementTable(database.dataSource()),
              new UploadLoad(service, database, options, csv),
              new CopyLoad(service, database, options.rows(), copy),
              valueSum);
      runRounds(loads, results);
    } finally {
      service.stop();
      service.keepLogs();
      database.stop();
      BenchFiles.deleteTree(workRoot);
    }
    IngestReport.printResults(
        results, options.xmx(), service.heapMaxBytes(), String.join(" ", options.jvmArgs()));
  }

  private void runRounds(IngestLoads loads, List<LoadResult> results) {
    int round = 1;
    while (true) {
      long roundStart = System.nanoTime();
      // Alternate who goes first, so drift and warm-up spread over both methods.
      LoadMethod[] order =
          round % 2 == 1
              ? new LoadMethod[] {LoadMethod.UPLOAD, LoadMethod.COPY}
              : new LoadMethod[] {LoadMethod.COPY, LoadMethod.UPLOAD};
      for (int k = 0; k < order.length; k++) {
        LoadResult r = loads.measure(order[k], round, k + 1);
        results.add(r);
        IngestReport.printProgress(r);
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
  }

  private void printHeader() {
    OUT.printf(
        "Atalaya ingest benchmark, %s%n", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    ServiceJar.printHeaderLine(options.jar());
    OUT.printf(
        "  java %s, %d cores, %s; service JVM -Xmx%s%s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        ProcFs.memTotal(),
        options.xmx(),
        options.jvmArgs().isEmpty() ? "" : " " + String.join(" ", options.jvmArgs()));
    OUT.printf(
        "  %,d rows each way; rounds: %s; heap polled every %d ms during the upload%n",
        options.rows(),
        options.rounds() == 0 ? "auto" : Integer.toString(options.rounds()),
        UploadSampler.POLL.toMillis());
    OUT.println(
        "  COPY target: the same measurement table of the same database the service uses (no"
            + " second database);\n  before every load, upload or COPY: ANALYZE, TRUNCATE (the"
            + " table as new: never analyzed) and CHECKPOINT, untimed");
    OUT.println();
  }

  /** PostgreSQL, the service, an admin token and the indicators. False (printed) on failure. */
  private boolean setUp() {
    try {
      database.start();
    } catch (Throwable e) {
      OUT.println("FAILED: PostgreSQL did not start: " + e);
      return false;
    }
    String failure;
    try {
      failure = service.start(database.port(), IngestDatabase.NAME);
    } catch (Throwable e) {
      failure = e.toString();
    }
    if (failure != null) {
      OUT.println("FAILED: the service did not start: " + failure + BenchFiles.tail(service.log()));
      return false;
    }
    try {
      service.createIndicators(MeasurementGrid.indicatorCount(options.rows()));
    } catch (Throwable e) {
      OUT.println(
          "FAILED: could not create the bench indicators: " + e + BenchFiles.tail(service.log()));
      return false;
    }
    return true;
  }

  private void stopQuietly() {
    service.stop();
    database.stop();
  }
}
