package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.atalaya.report.ReportExport;

/**
 * The accountability report of the demo plan rendered in this JVM from the service's jar: the
 * service's context (no HTTP server) on its own embedded PostgreSQL with the La Chorrera demo
 * loaded, then the full Spanish report as PDF and as HTML, each timed from reading the figures to
 * the last byte, with the files' sizes. Goal: PDF under 5 s and under 10 MB. Always exits 0.
 *
 * <pre>bench/run.sh report [--rounds 5] [--warmup 2] [--period 2025] [--out bench/target/report]
 * </pre>
 */
public final class ReportBench {
  static final String PLAN = "LCH-PISCC-2025";

  private ReportBench() {}

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int rounds = 5;
    int warmUp = 2;
    String period = "2025";
    Path out = Path.of("bench", "target", "report");
    Args a = new Args(args);
    while (a.next()) {
      switch (a.name()) {
        case "--rounds" -> rounds = Integer.parseInt(a.requiredValue());
        case "--warmup" -> warmUp = Integer.parseInt(a.requiredValue());
        case "--period" -> period = a.requiredValue();
        case "--out" -> out = Path.of(a.requiredValue());
        default -> throw new IllegalArgumentException("Unknown option " + a.name());
      }
    }
    Path data = Files.createTempDirectory("atalaya-report-bench");
    long started = System.nanoTime();
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "atalaya.demo",
                "true",
                "atalaya.database.embedded.data-dir",
                data.toString(),
                "micronaut.server.port",
                "-1",
                // No token is signed here; the security module only needs a key to start.
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                "report-bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz"))) {
      OUT.printf(
          "Report bench: plan %s, period %s; service context and demo loaded in %.1f s;"
              + " %d warm-up and %d timed rounds; java %s, %d CPUs%n%n",
          PLAN,
          period,
          Figures.seconds(System.nanoTime() - started),
          warmUp,
          rounds,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      ReportExport export = context.getBean(ReportExport.class);
      List<ReportBenchCase> cases =
          List.of(
              new ReportBenchCase("PDF (es)", "informe-es.pdf"),
              new ReportBenchCase("HTML (es)", "informe-es.html"));
      for (int i = 0; i < warmUp; i++) {
        for (ReportBenchCase c : cases) {
          c.render(export, period);
        }
      }
      List<ReportBenchCase> reversed = new ArrayList<>(cases);
      java.util.Collections.reverse(reversed);
      for (int i = 0; i < rounds; i++) {
        for (ReportBenchCase c : i % 2 == 0 ? cases : reversed) {
          c.time(export, period);
        }
      }
      long all = System.nanoTime();
      var every = export.all(PLAN, period);
      double allSeconds = Figures.seconds(System.nanoTime() - all);
      Files.createDirectories(out);
      for (var f : every) {
        Files.write(out.resolve(f.name()), f.content());
      }
      ReportBenchReport.print(cases, every, allSeconds, out);
    } finally {
      deleteTree(data);
    }
  }

  private static void deleteTree(Path root) throws Exception {
    List<Path> paths = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.forEach(paths::add);
    }
    paths.sort(Comparator.reverseOrder());
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
