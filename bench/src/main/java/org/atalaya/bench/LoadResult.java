package org.atalaya.bench;

import java.util.List;

/** One timed load of the ingest benchmark. */
record LoadResult(
    LoadMethod method,
    int round,
    int position,
    String failure,
    double seconds,
    long rows,
    double serviceCpuSeconds,
    double postgresCpuSeconds,
    String serverReport,
    UploadMemory memory,
    List<UploadPhase> phases,
    String note) {

  /** A load that could not be measured at all. */
  static LoadResult failed(LoadMethod method, int round, int position, String why) {
    return new LoadResult(
        method,
        round,
        position,
        why,
        Double.NaN,
        0,
        Double.NaN,
        Double.NaN,
        "",
        UploadMemory.NONE,
        List.of(),
        "");
  }

  boolean ok() {
    return failure == null;
  }

  LoadResult withNote(String more) {
    String joined = note.isEmpty() ? more : more.isEmpty() ? note : note + "; " + more;
    return new LoadResult(
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

  LoadResult failedWith(String why) {
    return new LoadResult(
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
