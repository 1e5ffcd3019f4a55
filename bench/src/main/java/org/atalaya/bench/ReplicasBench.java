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
 * The public plan overview on one service and on two services of the same jar on one database, as
 * behind a load balancer: the load generator's clients send their requests to the services in turn
 * (round-robin). Both legs in each round, in alternating order; the figures side by side, the best
 * round of each. Always exits 0.
 *
 * <pre>
 * bench/run.sh replicas [--clients 50] [--seconds 20] [--warmup 5] [--rounds 2] [--jar PATH]
 *                       [--jvm-arg ARG] [--xmx 512m] [--timeout 120 (s to healthy)]
 * </pre>
 */
public final class ReplicasBench {
  static final String ONE = "1 service";
  static final String TWO = "2 services (round-robin)";

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int clients = 50;
    int seconds = 20;
    int warmUp = 5;
    int rounds = 2;
    List<String> serviceArgs = new ArrayList<>(List.of("--xmx", "512m"));
    Args a = new Args(args);
    while (a.next()) {
      switch (a.name()) {
        case "--clients" -> clients = Integer.parseInt(a.requiredValue());
        case "--seconds" -> seconds = Integer.parseInt(a.requiredValue());
        case "--warmup" -> warmUp = Integer.parseInt(a.requiredValue());
        case "--rounds" -> rounds = Integer.parseInt(a.requiredValue());
        case "--jar", "--xmx", "--jvm-arg", "--timeout" ->
            serviceArgs.addAll(List.of(a.name(), a.requiredValue()));
        default -> throw new IllegalArgumentException("Unknown option " + a.name());
      }
    }
    IngestOptions options = IngestOptions.parse(serviceArgs.toArray(String[]::new)).orElseThrow();
    Path work = Files.createTempDirectory("atalaya-replicas-");
    Path jar = ServiceJar.privateCopy(options.jar(), work);
    ServiceJar.printHeaderLine(options.jar());
    OUT.printf(
        "The public plan overview (anonymous GET, Spanish) on one service, then on two services of"
            + " one database with the load generator's %d clients sending to them in turn"
            + " (closed loop, keep-alive HTTP/1.1), %d s warm-up + %d s measured per leg, %d"
            + " round(s); each service -Xmx%s; all on this host's %d cores%n%n",
        clients,
        warmUp,
        seconds,
        rounds,
        options.xmx(),
        Runtime.getRuntime().availableProcessors());
    EmbeddedPostgres server = BenchPostgres.start(work.resolve("pg"));
    IngestService first = new IngestService(options, jar, work.resolve("one"));
    IngestService second = new IngestService(options, jar, work.resolve("two"));
    Map<String, PageLoad.Window> best = new LinkedHashMap<>();
    try {
      BenchPostgres.createDatabase(server, "atalaya_replicas");
      Files.createDirectories(work.resolve("one"));
      Files.createDirectories(work.resolve("two"));
      // One after the other: the second finds the demo plan the first loaded.
      for (IngestService s : List.of(first, second)) {
        String failure = s.start(server.getPort(), "atalaya_replicas");
        if (failure != null) {
          throw new IllegalStateException("service did not start: " + failure);
        }
      }
      String path = "/planes/" + PagesBench.PLAN;
      Map<String, PageLoad> loads = new LinkedHashMap<>();
      Map<String, List<URI>> targets = new LinkedHashMap<>();
      loads.put(ONE, new PageLoad(clients, first.process()));
      targets.put(ONE, List.of(first.base().resolve(path)));
      loads.put(TWO, new PageLoad(clients, List.of(first.process(), second.process())));
      targets.put(TWO, List.of(first.base().resolve(path), second.base().resolve(path)));
      // Each service renders the page once before the load, as it would after its first visitor:
      // the legs measure the public page as kept, not 50 clients racing to compute it first.
      for (URI uri : targets.get(TWO)) {
        OUT.printf("First visit to %s: %s%n", uri, firstVisit(uri));
      }
      List<String> names = new ArrayList<>(loads.keySet());
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((i + round) % names.size());
          PageLoad.Window w =
              loads
                  .get(name)
                  .run(
                      name,
                      targets.get(name),
                      null,
                      Duration.ofSeconds(warmUp),
                      Duration.ofSeconds(seconds));
          PagesReport.printWindow(round + 1, w);
          best.merge(name, w, (x, y) -> x.requestsPerSecond() >= y.requestsPerSecond() ? x : y);
        }
      }
    } finally {
      second.stop();
      first.stop();
      BenchPostgres.stop(server, "PostgreSQL");
    }
    print(best, clients);
  }

  /** Asks for the page until it is answered 200 (at most 5 minutes); what the last answer was. */
  private static String firstVisit(URI uri) throws InterruptedException {
    java.net.http.HttpClient http = Http.client(Duration.ofSeconds(5));
    long start = System.nanoTime();
    String last = "";
    while (System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
      try {
        var r =
            http.send(
                Http.get(uri, Duration.ofSeconds(120)),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        last = "HTTP " + r.statusCode();
        if (r.statusCode() == 200) {
          return String.format("200 after %.1f s", Figures.seconds(System.nanoTime() - start));
        }
      } catch (java.io.IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    return "no 200 within 5 minutes (last: " + Figures.shorten(last) + ")";
  }

  private static void print(Map<String, PageLoad.Window> best, int clients) {
    OUT.printf("%nPublic plan overview, best round of each, %d clients:%n", clients);
    OUT.printf(
        "%-26s %10s %9s %9s %9s %16s%n",
        "services", "req/s", "p50 ms", "p99 ms", "errors", "service ms/req");
    for (PageLoad.Window w : best.values()) {
      double n = w.latencies().length;
      OUT.printf(
          "%-26s %10.1f %9.1f %9.1f %9d %16.2f%n",
          w.name(),
          w.requestsPerSecond(),
          w.percentileMs(50),
          w.percentileMs(99),
          w.errors(),
          n == 0 ? Double.NaN : w.serviceCpuSeconds() * 1000 / n);
    }
    PageLoad.Window one = best.get(ONE);
    PageLoad.Window two = best.get(TWO);
    if (one != null && two != null && one.requestsPerSecond() > 0) {
      OUT.printf(
          "%nTwo services vs one: %.2fx the requests/s, p99 %.2fx.%n",
          two.requestsPerSecond() / one.requestsPerSecond(),
          two.percentileMs(99) / one.percentileMs(99));
      Summary.line(
          "public plan overview on two services of one database, round-robin, %d clients"
              .formatted(clients),
          "%.1f req/s, p99 %.1f ms".formatted(two.requestsPerSecond(), two.percentileMs(99)),
          "one service %.1f req/s, p99 %.1f ms"
              .formatted(one.requestsPerSecond(), one.percentileMs(99)),
          "%.2f× the requests/s".formatted(two.requestsPerSecond() / one.requestsPerSecond()),
          "-",
          "-");
    }
    OUT.printf(
        "Both services, PostgreSQL and the load generator share this host's cores: a second"
            + " service adds capacity only where it has cores of its own (another machine); here"
            + " the ratio shows what round-robin over replicas costs, not what it gains.%n");
  }
}
