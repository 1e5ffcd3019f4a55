package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.List;
import java.util.function.Function;

/** The national benchmark's table, ratios and extrapolation to the whole country. */
final class NationalReport {

  /** Within this ratio a difference is taken for the machine's noise, not for growth. */
  static final double FLAT = 1.25;

  private NationalReport() {}

  private record Path(String name, Function<NationalTimer.Samples, List<Double>> samples) {}

  private static final List<Path> PATHS =
      List.of(
          new Path("plan progress API, signed in", NationalTimer.Samples::progress),
          new Path("plan overview, public (kept)", NationalTimer.Samples::overviewPublic),
          new Path("plan overview, signed in", NationalTimer.Samples::overviewSignedIn),
          new Path(
              "overview, public, 1st after upload", NationalTimer.Samples::overviewAfterChange),
          new Path("upload 10,000 rows (CSV)", NationalTimer.Samples::upload));

  static double percentile(List<Double> ms, double p) {
    double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    if (p == 50) {
      int n = v.length;
      return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    return v[(int) Math.ceil(p / 100 * v.length) - 1];
  }

  static void print(
      NationalShape shape,
      NationalBench.Loaded small,
      NationalBench.Loaded large,
      NationalTimer.Samples s,
      NationalTimer.Samples l) {
    long benchSmall = shape.rows(small.districts());
    long benchLarge = shape.rows(large.districts());
    long full = shape.fullRows();
    OUT.println();
    OUT.printf(
        "District %s's paths: demo-sized database (%,d rows, %.0f MiB) against national (%,d rows,"
            + " %.0f MiB), %d and %d samples%n",
        NationalShape.districtCode(NationalTimer.TIMED_DISTRICT),
        small.rows(),
        Figures.mibOfBytes(small.bytes()),
        large.rows(),
        Figures.mibOfBytes(large.bytes()),
        s.progress().size(),
        s.upload().size());
    String head =
        String.format(
            "%-36s %11s %11s %11s %11s %8s %8s %14s",
            "path",
            "demo p50",
            "demo p95",
            "nation p50",
            "nation p95",
            "p50 ×",
            "p95 ×",
            "80 dist. p50");
    Figures.printHead(head, 0);
    for (Path p : PATHS) {
      List<Double> a = p.samples().apply(s);
      List<Double> b = p.samples().apply(l);
      double a50 = percentile(a, 50);
      double b50 = percentile(b, 50);
      double a95 = percentile(a, 95);
      double b95 = percentile(b, 95);
      OUT.printf(
          "%-36s %8.1f ms %8.1f ms %8.1f ms %8.1f ms %7.2f× %7.2f× %11s%n",
          p.name(),
          a50,
          a95,
          b50,
          b95,
          b50 / a50,
          b95 / a95,
          extrapolate(a50, b50, benchSmall, benchLarge, full));
    }
    OUT.println();
    OUT.printf(
        "Loaded: %,d rows of %d district(s) in %.1f s (%.0f rows/s, keys and rollup included);"
            + " database %.0f MiB (demo-sized: %.0f MiB)%n",
        benchLarge,
        large.districts(),
        large.seconds(),
        benchLarge / large.seconds(),
        Figures.mibOfBytes(large.bytes()),
        Figures.mibOfBytes(small.bytes()));
    double bytesPerRow =
        benchLarge > benchSmall
            ? (double) (large.bytes() - small.bytes()) / (benchLarge - benchSmall)
            : (double) large.bytes() / benchLarge;
    double secondsPerRow = large.seconds() / benchLarge;
    OUT.printf(
        "Extrapolation (assumption: load time and database size grow in proportion to the rows,"
            + " %.0f bytes and %.2f µs a row as measured here; request times by the last column's"
            + " rule below):%n",
        bytesPerRow, secondsPerRow * 1e6);
    for (long rows : List.of(full, NationalShape.ISSUE_ROWS)) {
      OUT.printf(
          "  %,12d rows (%s): load ≈ %.1f min, database ≈ %.1f GiB%n",
          rows,
          rows == full
              ? shape.districts() + " districts, " + shape.corregimientos() + " corregimientos"
              : "the issue's \"about 40 million\"",
          secondsPerRow * rows / 60,
          (small.bytes() + bytesPerRow * (rows - benchSmall)) / (1024.0 * 1024 * 1024));
    }
    OUT.println(
        "  \"80 dist. p50\": the demo-sized p50 plus the national one's excess scaled linearly to"
            + " all districts' rows — an upper bound where the excess comes from B-tree depth"
            + " (logarithmic); \"flat\" when the national p50 is less than 1.25× the demo-sized one (this"
            + " machine's noise between interleaved rounds).");
  }

  /**
   * One line per figure, last in the run, for gathering every bench's figures in one place: the
   * national database's p50, its reference (the demo-sized database of the same run), the ratio and
   * the machine's load average when printed.
   */
  static void summary(NationalTimer.Samples s, NationalTimer.Samples l) {
    OUT.println();
    for (Path p : PATHS) {
      double a = percentile(p.samples().apply(s), 50);
      double b = percentile(p.samples().apply(l), 50);
      Summary.line(
          "national scale, one district among the others: " + p.name(),
          String.format("p50 %.1f ms", b),
          String.format("one district alone (demo-sized) p50 %.1f ms", a),
          String.format("%.2f× the district alone", b / a),
          "-",
          "-");
    }
  }

  private static String extrapolate(double a, double b, long rowsA, long rowsB, long full) {
    if (Double.isNaN(a) || Double.isNaN(b) || rowsB <= rowsA) {
      return "-";
    }
    if (b <= FLAT * a) {
      return "flat";
    }
    double at = a + (b - a) * (full - rowsA) / (double) (rowsB - rowsA);
    return String.format("%.1f ms", at);
  }
}
