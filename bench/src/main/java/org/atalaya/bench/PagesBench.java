package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page load under concurrency: the demo's plan overview and its neighbours, as the public sees them
 * (kept as rendered until the data changes), and the overview as a signed-in user gets it (computed
 * and rendered on every request), at 50 concurrent clients of a load generator on loopback (this
 * JVM), each page for a warm-up and a measured window, pages in a rotating order over the rounds,
 * side by side with a static file served by the same service (the floor of the framework and the
 * loopback). Goal: the overview's p99 under 200 ms at 300 requests/s or more. Always exits 0.
 *
 * <pre>
 * bench/run.sh pages [--clients 50] [--seconds 20] [--warmup 5] [--rounds 2] [--jar PATH]
 *                    [--only overview,static] [--jvm-arg ARG] [--xmx 1g]
 * </pre>
 */
public final class PagesBench {
  static final String PLAN = "LCH-PISCC-2025";
  static final String INDICATOR = "HOM-TASA";
  static final String SIGNED_IN = "overview signed in";

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int clients = 50;
    int seconds = 20;
    int warmUp = 5;
    int rounds = 2;
    List<String> serviceArgs = new ArrayList<>(List.of("--xmx", "1g"));
    String only = null;
    Args a = new Args(args);
    while (a.next()) {
      switch (a.name()) {
        case "--clients" -> clients = Integer.parseInt(a.requiredValue());
        case "--seconds" -> seconds = Integer.parseInt(a.requiredValue());
        case "--warmup" -> warmUp = Integer.parseInt(a.requiredValue());
        case "--rounds" -> rounds = Integer.parseInt(a.requiredValue());
        case "--only" -> only = a.requiredValue();
        case "--jar", "--xmx", "--jvm-arg" ->
            serviceArgs.addAll(List.of(a.name(), a.requiredValue()));
        default -> throw new IllegalArgumentException("Unknown option " + a.name());
      }
    }
    IngestOptions options = IngestOptions.parse(serviceArgs.toArray(String[]::new)).orElseThrow();
    Path work = Files.createTempDirectory("atalaya-pages-");
    Path jar = ServiceJar.privateCopy(options.jar(), work);
    ServiceJar.printHeaderLine(options.jar());
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("static file", "/static/atalaya.css");
    pages.put("plan overview", "/planes/" + PLAN);
    pages.put(SIGNED_IN, "/planes/" + PLAN);
    pages.put("home (plan list)", "/");
    pages.put("indicator page", "/indicadores/" + INDICATOR);
    pages.put("trajectory chart", "/indicadores/" + INDICATOR + "/graficos/trajectory.svg");
    if (only != null) {
      List<String> wanted = List.of(only.split(","));
      pages.keySet().removeIf(name -> wanted.stream().noneMatch(name::contains));
    }
    OUT.printf(
        "Pages as the public sees them (anonymous GET, Spanish) and the overview signed in (bearer), %d concurrent clients on loopback"
            + " (closed loop, keep-alive HTTP/1.1, one JVM), %d s warm-up + %d s measured per page,"
            + " %d round(s) in rotating order; service -Xmx%s with the demo plan on a PostgreSQL"
            + " of this host%n%n",
        clients, warmUp, seconds, rounds, options.xmx());
    EmbeddedPostgres server = NationalStatements.startServer(work.resolve("pg"));
    IngestService service = new IngestService(options, jar, work);
    List<PageLoad.Window> windows = new ArrayList<>();
    try {
      BenchPostgres.createDatabase(server, "atalaya_pages");
      String failure = service.start(server.getPort(), "atalaya_pages");
      if (failure != null) {
        throw new IllegalStateException("service did not start: " + failure);
      }
      PageLoad load = new PageLoad(clients, service.process());
      String token = service.login();
      List<String> names = new ArrayList<>(pages.keySet());
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((i + round) % names.size());
          URI uri = service.base().resolve(pages.get(name));
          PageLoad.Window w =
              load.run(
                  name,
                  uri,
                  name.equals(SIGNED_IN) ? token : null,
                  Duration.ofSeconds(warmUp),
                  Duration.ofSeconds(seconds));
          PagesReport.printWindow(round + 1, w);
          windows.add(w);
        }
      }
      var statements =
          new StatementsPerRequest(
              server.getDatabase("postgres", "atalaya_pages"), "atalaya_pages");
      for (String name : names) {
        statements.print(
            name, service.base().resolve(pages.get(name)), name.equals(SIGNED_IN) ? token : null);
      }
    } finally {
      service.stop();
      BenchPostgres.stop(server, "PostgreSQL");
    }
    PagesReport.print(windows, clients);
  }
}
