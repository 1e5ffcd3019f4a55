package org.atalaya.bench;

/** What the service's memory did during an upload; bytes, or -1 when unknown. */
record UploadMemory(
    long sampledPeakHeap,
    int samples,
    long gcPeakBeforeGc,
    long gcPeakAfterGc,
    int gcCount,
    double gcPauseMs,
    long peakRssKb,
    boolean rssPeakReset) {

  static final UploadMemory NONE = new UploadMemory(-1, 0, -1, -1, 0, 0, -1, false);
}
