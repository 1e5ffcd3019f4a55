package org.atalaya.bench;

/** One launch of the service; memory figures in KiB, times in seconds. */
record StartupRun(
    StartupMode mode,
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

  static StartupRun failed(StartupMode mode, int round, String why) {
    return new StartupRun(mode, round, why, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, Double.NaN, "");
  }

  boolean ok() {
    return failure == null;
  }

  long totalRssKb() {
    return jvmRssKb + pgRssKb;
  }
}
