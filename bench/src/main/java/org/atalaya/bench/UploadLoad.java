package org.atalaya.bench;

import static org.atalaya.bench.Figures.seconds;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * One load through the service: {@code POST /api/measurements/upload} with the CSV file as the
 * body, timed from the request's start to the full answer, with the service's memory sampled.
 */
final class UploadLoad {

  private final IngestService service;
  private final IngestDatabase database;
  private final IngestOptions options;
  private final Path csv;

  UploadLoad(IngestService service, IngestDatabase database, IngestOptions options, Path csv) {
    this.service = service;
    this.database = database;
    this.options = options;
    this.csv = csv;
  }

  LoadResult run(int round, int position) throws Exception {
    long rows = options.rows();
    String token = service.login();
    HttpRequest request =
        HttpRequest.newBuilder(service.base().resolve("/api/measurements/upload?file=bench.csv"))
            .timeout(options.uploadTimeout())
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofFile(csv))
            .build();
    Process process = service.process();
    long pid = process.pid();
    boolean rssReset = ProcFs.resetPeakRss(pid);
    long gcFrom = BenchFiles.sizeOf(service.gcLog());
    double cpu0 = ProcFs.cpuSeconds(process);
    double pg0 = database.cpuSeconds();
    HttpResponse<String> response;
    long t0 = System.nanoTime();
    UploadSampler sampler = new UploadSampler(service, database.dataSource(), pid, t0);
    Thread samplerThread = new Thread(sampler, "heap-sampler");
    samplerThread.setDaemon(true);
    samplerThread.start();
    IOException noAnswer = null;
    try {
      response = service.http().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      response = null;
      noAnswer = e;
    } finally {
      sampler.stop();
    }
    long t1 = System.nanoTime();
    samplerThread.join(5000);
    double cpu = ProcFs.cpuSeconds(service.process()) - cpu0;
    double pg = database.cpuSeconds() - pg0;
    long hwm = rssReset ? ProcFs.statusKb(pid, "VmHWM:", -1) : Math.max(sampler.peakRssKb, -1);
    GcSummary gc = GcSummary.since(service.gcLog(), gcFrom);
    UploadMemory memory =
        new UploadMemory(
            sampler.peakHeap,
            sampler.samples,
            gc.peakBefore(),
            gc.peakAfter(),
            gc.count(),
            gc.pauseMs(),
            hwm,
            rssReset);
    String failure;
    String report;
    if (response == null) {
      failure = String.format("no answer after %.1f s (%s)", seconds(t1 - t0), noAnswer);
      report = "no answer";
    } else {
      String answer = response.body();
      report =
          String.format(
              "HTTP %d, rows %s, inserted %s, revised %s, unchanged %s, rejected %s, committed %s",
              response.statusCode(),
              Http.jsonField(answer, "rows"),
              Http.jsonField(answer, "inserted"),
              Http.jsonField(answer, "revised"),
              Http.jsonField(answer, "unchanged"),
              Http.jsonField(answer, "rejected"),
              Http.jsonField(answer, "committed"));
      String phases = servicePhases(service.log());
      if (phases != null) {
        report += "; " + phases;
      }
      String inserted = Http.jsonField(answer, "inserted");
      boolean whole = response.statusCode() == 200 && Long.toString(rows).equals(inserted);
      failure =
          whole
              ? null
              : "upload not accepted as a whole: "
                  + report
                  + "; answer: "
                  + Figures.shorten(answer);
    }
    return new LoadResult(
        LoadMethod.UPLOAD,
        round,
        position,
        failure,
        seconds(t1 - t0),
        failure == null ? rows : 0,
        cpu,
        pg,
        report,
        memory,
        sampler.phases(),
        "");
  }

  /** The service's own account of its last upload's phases, from its log; null if none. */
  private static String servicePhases(java.nio.file.Path log) {
    String marker = "MeasurementIngestion - Upload ";
    try (var lines = java.nio.file.Files.lines(log)) {
      return lines
          .filter(l -> l.contains(marker))
          .reduce((a, b) -> b)
          .map(l -> "service: " + l.substring(l.indexOf(marker) + marker.length()))
          .orElse(null);
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }
}
