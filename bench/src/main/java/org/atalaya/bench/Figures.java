package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Units, medians and the small text pieces the reports' tables are made of. */
final class Figures {

  private Figures() {}

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double mibOfKb(double kb) {
    return kb / 1024.0;
  }

  static double mibOfBytes(long bytes) {
    return bytes / 1048576.0;
  }

  /** "12.3 MiB", or "-" for an unknown (negative) figure. */
  static String mibOrDash(long bytes) {
    return bytes < 0 ? "-" : String.format("%.1f MiB", mibOfBytes(bytes));
  }

  /** The median; with an even count, the mean of the middle two. */
  static <T> double median(List<T> items, ToDoubleFunction<T> f) {
    double[] v = items.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }

  /** A table's header line with a rule under it, {@code extra} characters longer than it. */
  static void printHead(String head, int extra) {
    OUT.println(head);
    OUT.println("-".repeat(head.length() + extra));
  }

  /** A failure's first line, for a table row; the rest (a log tail) was printed above. */
  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " (log above)";
  }

  /** An answer's body on one line, cut at 600 characters. */
  static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 600 ? one.substring(0, 600) + "..." : one;
  }
}
