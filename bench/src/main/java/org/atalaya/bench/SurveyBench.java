package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Survey estimation, the service's Java estimator against R's survey package on the same files: 5
 * proportions × (sex, region, commune, sex × region) on ENUSC 2023 and on a synthetic
 * one-million-respondent design. See bench/README.md.
 */
public final class SurveyBench {
  record Options(
      int size, long seed, int warmup, int rounds, Path enusc, boolean javaOnly, int httpWarm) {}

  record Row(
      String dataset,
      SurveyTable table,
      double javaReadS,
      SurveyJavaRun.Timed java,
      SurveyR.Result r,
      SurveyComparison diff,
      SurveyHttp.Result http) {}

  private SurveyBench() {}

  public static void main(String[] args) {
    Bench.run(() -> run(options(args)));
  }

  static void run(Options o) throws Exception {
    if (o == null) {
      return;
    }
    Path work = Files.createTempDirectory("atalaya-survey-bench");
    try {
      boolean withR = !o.javaOnly() && SurveyR.available();
      List<Row> rows = new ArrayList<>();
      Path enusc = o.enusc() != null ? o.enusc() : findEnusc();
      Path synthetic = work.resolve("synthetic.csv");
      OUT.printf(
          "Writing the synthetic design (%,d respondents, seed %d)...%n", o.size(), o.seed());
      SurveySynthetic.generate(o.size(), o.seed()).write(synthetic);
      // The HTTP leg first, while this JVM is idle: the service runs beside it.
      SurveyHttp.Result httpEnusc = null;
      SurveyHttp.Result httpSynthetic = null;
      if (o.httpWarm() > 0) {
        try (SurveyHttp service = SurveyHttp.start(work)) {
          if (service != null) {
            if (enusc != null) {
              httpEnusc = service.measure("ENUSC 2023", "ENUSC", enusc, o.httpWarm());
            }
            httpSynthetic = service.measure("synthetic", "SYNTH", synthetic, o.httpWarm());
          }
        } catch (Exception e) {
          OUT.println("  HTTP leg failed (reported, the other figures stand): " + e.getMessage());
        }
      }
      if (enusc == null) {
        OUT.println("ENUSC 2023 (shared/data/surveys/enusc-2023.csv) not found; skipping it.");
      } else {
        rows.add(measure("ENUSC 2023", enusc, work, o, withR, httpEnusc));
      }
      rows.add(measure("synthetic", synthetic, work, o, withR, httpSynthetic));
      SurveyReport.print(rows, o);
    } finally {
      BenchFiles.deleteTree(work);
    }
  }

  private static Row measure(
      String name, Path csv, Path work, Options o, boolean withR, SurveyHttp.Result http)
      throws Exception {
    OUT.println(name + ": Java...");
    long start = System.nanoTime();
    SurveyTable table = SurveyTable.read(csv);
    double readS = (System.nanoTime() - start) / 1e9;
    SurveyJavaRun.Timed java = SurveyJavaRun.timed(table, o.warmup(), o.rounds());
    SurveyR.Result r = null;
    SurveyComparison diff = null;
    if (withR) {
      OUT.println(name + ": R (minutes on a million respondents)...");
      try {
        r = SurveyR.run(csv, Files.createTempDirectory(work, "r"));
        diff = SurveyComparison.of(java.run().estimates, r.rows());
      } catch (Exception e) {
        OUT.println("  R failed (reported, the Java figures stand): " + e.getMessage());
      }
    }
    return new Row(name, table, readS, java, r, diff, http);
  }

  /** shared/data/surveys beside the repository, from the working directory up. */
  static Path findEnusc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path csv = dir.resolve("shared/data/surveys/enusc-2023.csv");
      if (Files.isRegularFile(csv)) {
        return csv;
      }
    }
    return null;
  }

  static Options options(String[] argv) {
    int size = 1_000_000;
    long seed = 20231;
    int warmup = 10;
    int rounds = 10;
    Path enusc = null;
    boolean javaOnly = false;
    int httpWarm = 30;
    Args a = new Args(argv);
    while (a.next()) {
      switch (a.name()) {
        case "--size" -> size = Integer.parseInt(a.requiredValue());
        case "--seed" -> seed = Long.parseLong(a.requiredValue());
        case "--warmup" -> warmup = Integer.parseInt(a.requiredValue());
        case "--rounds" -> rounds = Math.max(1, Integer.parseInt(a.requiredValue()));
        case "--enusc" -> enusc = Path.of(a.requiredValue());
        case "--java-only" -> javaOnly = true;
        case "--http-warm" -> httpWarm = Integer.parseInt(a.requiredValue());
        default -> {
          OUT.println(
              """
              bench/run.sh survey [options]
                --size N      synthetic respondents (default 1000000)
                --seed S      synthetic design's seed (default 20231)
                --warmup N    untimed Java rounds first (default 10)
                --rounds N    timed Java rounds, median reported (default 10)
                --enusc FILE  ENUSC 2023 CSV (default: shared/data/surveys above the working dir)
                --java-only   skip R
                --http-warm N warm HTTP requests per dataset, median reported (default 30;
                              0 skips the HTTP leg)""");
          return null;
        }
      }
    }
    return new Options(size, seed, warmup, rounds, enusc, javaOnly, httpWarm);
  }
}
