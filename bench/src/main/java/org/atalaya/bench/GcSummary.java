package org.atalaya.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap before and after the GC pauses of a stretch of the service's {@code -Xlog:gc} log. */
record GcSummary(long peakBefore, long peakAfter, int count, double pauseMs) {

  private static final Pattern GC_LINE =
      Pattern.compile(
          "GC\\(\\d+\\) (Pause [^(]*).*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)"
              + "(?: (\\d+(?:\\.\\d+)?)ms)?");

  /** The pauses logged since {@code from} (bytes into the GC log). */
  static GcSummary since(Path gcLog, long from) {
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
}
