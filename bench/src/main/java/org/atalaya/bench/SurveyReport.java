package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.List;

/** The survey benchmark's tables: what each side took, the ratio, and how far apart they are. */
final class SurveyReport {
  private SurveyReport() {}

  static void print(List<SurveyBench.Row> rows, SurveyBench.Options o) {
    OUT.println();
    OUT.printf(
        "Survey estimates: 5 proportions x (sex, region, commune, sex x region), %d-core machine%n",
        Runtime.getRuntime().availableProcessors());
    OUT.printf(
        "Java: median of %d rounds after %d warm-up rounds, one thread; a round = coding strata and"
            + " PSUs, both designs with their checks, domain codes, every estimate.%n",
        o.rounds(), o.warmup());
    OUT.println(
        "R: one run of svydesign (both designs) + svyby(svymean, deff = TRUE) per variable and"
            + " domain set + n, df, logit CI; system.time elapsed. File reading apart on both sides.");
    OUT.println();
    Figures.printHead(
        String.format(
            "%-11s %11s %6s %6s %9s | %8s %12s %17s | %8s %9s %9s | %8s",
            "dataset",
            "respondents",
            "PSUs",
            "strata",
            "estimates",
            "Java rd",
            "Java est ms",
            "(min-max)",
            "R read s",
            "R design",
            "R est s",
            "R/Java"),
        0);
    for (SurveyBench.Row row : rows) {
      SurveyJavaRun run = row.java().run();
      String range = String.format("%.1f-%.1f", row.java().minMs(), row.java().maxMs());
      String rPart = "%8s %9s %9s | %8s".formatted("-", "-", "-", "-");
      if (row.r() != null) {
        double rSeconds = row.r().designS() + row.r().estimateS();
        rPart =
            String.format(
                "%8.2f %9.2f %9.2f | %7.0fx",
                row.r().readS(),
                row.r().designS(),
                row.r().estimateS(),
                rSeconds * 1000 / row.java().medianMs());
      }
      OUT.printf(
          "%-11s %,11d %6d %6d %9d | %7.2fs %12.1f %17s | %s%n",
          row.dataset(),
          row.table().size,
          run.psus,
          run.strata,
          run.estimates.size(),
          row.javaReadS(),
          row.java().medianMs(),
          range,
          rPart);
    }
    OUT.println();
    OUT.println("R/Java = R (design + estimate) seconds / Java median round.");
    rows.stream()
        .filter(r -> r.r() != null)
        .findFirst()
        .ifPresent(r -> OUT.println("R " + r.r().version()));
    printDifferences(rows);
    printHttp(rows);
    summarise(rows);
  }

  /** The lines {@code bench/run.sh all} gathers: HTTP against R, and the estimator's accuracy. */
  private static void summarise(List<SurveyBench.Row> rows) {
    OUT.println();
    for (SurveyBench.Row row : rows) {
      String who = "%s (%,d respondents)".formatted(row.dataset(), row.table().size);
      SurveyHttp.Result h = row.http();
      boolean enusc = row.dataset().startsWith("ENUSC");
      if (h != null) {
        String reference = "-";
        String ratio = "-";
        double times = Double.NaN;
        if (row.r() != null) {
          double svyby = row.r().estimateS() * 1000 / 20;
          times = svyby / h.warmMedianMs();
          reference = "R svyby on a built design %.0f ms".formatted(svyby);
          ratio = "%.1f× faster".formatted(times);
        }
        String goal = enusc ? "≥ 10× faster than R (≈ 30 ms)" : "1,000,000 respondents ≤ 1.5 s";
        String met =
            enusc
                ? (Double.isNaN(times) ? "-" : Summary.met(times >= 10))
                : (row.table().size >= 1_000_000 ? Summary.met(h.warmMedianMs() <= 1500) : "-");
        Summary.line(
            "survey estimate over HTTP, one item by region, " + who + ", warm",
            "p50 %.1f ms (first %.0f ms)".formatted(h.warmMedianMs(), h.firstMs()),
            reference,
            ratio,
            goal,
            met);
      }
      SurveyComparison d = row.diff();
      if (d != null && row.r() != null) {
        double rMs = (row.r().designS() + row.r().estimateS()) * 1000;
        Summary.line(
            "survey estimator in-process, every estimate, " + who,
            "%.1f ms, max abs difference to R %.1e".formatted(row.java().medianMs(), d.maxAbs),
            "R design + svyby %.1f s".formatted(rMs / 1000),
            "%.0f× faster".formatted(rMs / row.java().medianMs()),
            "differences < 1e-9, ≥ 10× R",
            Summary.met(d.maxAbs < 1e-9 && rMs / row.java().medianMs() >= 10));
      }
    }
  }

  /** One item by region over HTTP, beside the same question in-process and in R. */
  private static void printHttp(List<SurveyBench.Row> rows) {
    if (rows.stream().allMatch(r -> r.http() == null)) {
      return;
    }
    OUT.println();
    OUT.println(
        "One item by region (VP_DC by region) over HTTP: the service's jar on its own embedded"
            + " PostgreSQL, the file uploaded through the API, then GET .../estimates?item=VP_DC&by=region");
    Figures.printHead(
        String.format(
            "%-11s %9s %10s %12s %11s | %12s %12s | %9s",
            "dataset",
            "upload s",
            "first ms",
            "warm p50 ms",
            "warm min",
            "Java call ms",
            "R svyby ms",
            "R/HTTP"),
        0);
    for (SurveyBench.Row row : rows) {
      SurveyHttp.Result h = row.http();
      if (h == null) {
        OUT.printf("%-11s (no HTTP figures)%n", row.dataset());
        continue;
      }
      // A Java round is 20 estimator calls (5 items x 4 domain sets) plus both designs; R's
      // estimate time is 20 svyby calls on designs already built.
      double javaCall = row.java().medianMs() / 20;
      String r = "%12s | %9s".formatted("-", "-");
      if (row.r() != null) {
        double svyby = row.r().estimateS() * 1000 / 20;
        r = "%12.0f | %8.1fx".formatted(svyby, svyby / h.warmMedianMs());
      }
      OUT.printf(
          "%-11s %9.1f %10.0f %12.1f %11.1f | %12.1f %s%n",
          row.dataset(), h.uploadS(), h.firstMs(), h.warmMedianMs(), h.warmMinMs(), javaCall, r);
    }
    OUT.printf(
        "warm = %d requests after 5 untimed, one client. Java call = in-process median round / 20;"
            + " R svyby = R's estimate seconds / 20 (one svyby on a built design, averaged over"
            + " items and domain sets). Goal: warm p50 about 30 ms on ENUSC (>= 10x R), <= 1.5 s on"
            + " 1,000,000. Load average now: %.2f%n",
        rows.stream().filter(x -> x.http() != null).findFirst().orElseThrow().http().n(),
        ProcFs.loadAverage());
  }

  private static void printDifferences(List<SurveyBench.Row> rows) {
    OUT.println();
    Figures.printHead(
        String.format(
            "%-11s %9s %13s %13s %9s %9s %9s  %s",
            "dataset",
            "figures",
            "max abs diff",
            "max rel diff",
            "n/df !=",
            "NaN !=",
            "not in R",
            "largest relative difference at"),
        0);
    for (SurveyBench.Row row : rows) {
      SurveyComparison d = row.diff();
      if (d == null) {
        OUT.printf("%-11s (no R figures)%n", row.dataset());
        continue;
      }
      OUT.printf(
          "%-11s %9d %13.3e %13.3e %9d %9d %9d  %s%n",
          row.dataset(),
          d.compared,
          d.maxAbs,
          d.maxRel,
          d.countMismatches,
          d.nanMismatches,
          d.missingInR,
          d.worst);
    }
    OUT.println(
        "Figures: estimate, se, deff and both interval bounds of every estimate; n and df compared"
            + " exactly. Goal: differences below 1e-9, R/Java at least 10x.");
  }
}
