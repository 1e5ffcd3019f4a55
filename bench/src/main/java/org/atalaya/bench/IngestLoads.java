package org.atalaya.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One load of either kind, from the same starting point: the table prepared (untimed), the load
 * timed, the table checked (untimed), and notes on what else went on meanwhile.
 */
final class IngestLoads {

  private final IngestOptions options;
  private final IngestService service;
  private final MeasurementTable table;
  private final UploadLoad upload;
  private final CopyLoad copy;
  private final long valueSum;

  IngestLoads(
      IngestOptions options,
      IngestService service,
      MeasurementTable table,
      UploadLoad upload,
      CopyLoad copy,
      long valueSum) {
    this.options = options;
    this.service = service;
    this.table = table;
    this.upload = upload;
    this.copy = copy;
    this.valueSum = valueSum;
  }

  LoadResult measure(LoadMethod method, int round, int position) {
    String prepared;
    try {
      if (method == LoadMethod.UPLOAD && !service.running()) {
        return LoadResult.failed(
            method, round, position, "the service is not running" + serviceLogTail());
      }
      prepared = table.prepare(options.analyzeEmpty());
    } catch (Throwable e) {
      return LoadResult.failed(method, round, position, "could not prepare the table: " + e);
    }
    try {
      double load0 = ProcFs.loadAverage();
      long autovacuum0 = table.autovacuumRuns();
      LoadResult r =
          switch (method) {
            case UPLOAD -> upload.run(round, position);
            case COPY -> copy.run(round, position);
          };
      List<String> notes = new ArrayList<>();
      if (!prepared.isEmpty()) {
        notes.add(prepared);
      }
      long autovacuum1 = table.autovacuumRuns();
      if (autovacuum1 != autovacuum0) {
        notes.add("autovacuum/autoanalyze ran on measurement during the load");
      }
      notes.add(String.format("load avg %.1f..%.1f", load0, ProcFs.loadAverage()));
      r = r.withNote(String.join("; ", notes));
      if (r.ok()) {
        String wrong = table.verify(options.rows(), valueSum);
        if (wrong != null) {
          return r.failedWith(wrong);
        }
      }
      return r;
    } catch (Throwable e) {
      return LoadResult.failed(method, round, position, "bench error: " + e + serviceLogTail());
    }
  }

  private String serviceLogTail() {
    return BenchFiles.tail(service.log());
  }
}
