package org.atalaya.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.atalaya.database.EmbeddedDatabase;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stops while the service is under load and in the middle of an upload, then comes
 * back. This test runs its own PostgreSQL and its own service, never the suite's shared database.
 */
class DatabaseOutageTest {
  @TempDir Path dataDirectory;

  private EmbeddedPostgres postgres;
  private ApplicationContext context;
  private final ExecutorService load = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopEverything() throws Exception {
    load.shutdownNow();
    if (context != null) {
      context.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Test
  void requestsDuringAnOutageGet503AndTheServiceRecoversWithoutARestart() throws Exception {
    int port = freePort();
    postgres = EmbeddedDatabase.startServer(dataDirectory.resolve("pg"), port);
    context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", "postgres",
                "datasources.default.password", ""),
            "test");
    EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
    String base = server.getURL().toString();
    Api api = new Api(HttpClient.create(server.getURL()));
    String analyst = api.analystToken();
    String indicator = "OUT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(indicator));

    // Load: anonymous and signed-in reads, every answer's status counted.
    ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    for (String uri : List.of("/api/plans", "/api/territories/LCH", "/api/indicators")) {
      load.submit(
          () -> {
            while (running.get()) {
              var request = HttpRequest.GET(uri);
              if (uri.equals("/api/indicators")) {
                request.bearerAuth(analyst);
              }
              int status = api.call(request, String.class).status();
              statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
            return null;
          });
    }

    // An upload is in the middle of its COPY when the database stops.
    var held = new Uploads.Held(indicator);
    var upload = Uploads.send(base, analyst, "corte.csv", held);
    Uploads.await("the upload is copying", () -> Uploads.copyInProgress(jdbcUrl(), "postgres", ""));
    postgres.close();
    held.rest.countDown();

    var during = api.get("/api/plans", String.class);
    var health = api.get("/health", Map.class);
    assertThat(during.status()).isEqualTo(503);
    assertThat(during.contentType()).startsWith("application/problem+json");
    // An external database the service cannot restart: the wait grows with the outage (5 s at
    // first, then as long as it has been away).
    assertThat(Integer.parseInt(during.raw().header("Retry-After"))).isBetween(5, 300);
    assertThat(during.value())
        .contains("\"title\":\"Servicio no disponible\"")
        .contains("\"detail\":\"La base de datos no responde en este momento");
    assertThat(health.status()).isEqualTo(503);
    var uploadAnswer =
        upload.handle((r, e) -> r == null ? -1 : r.statusCode()).get(60, TimeUnit.SECONDS);
    assertThat(uploadAnswer).as("the upload cut by the outage").isIn(503, -1);

    postgres = EmbeddedDatabase.startServer(dataDirectory.resolve("pg"), port);
    Uploads.await(
        "the service answers again", () -> api.get("/api/plans", String.class).status() == 200);
    Thread.sleep(1000); // a little load after the recovery too
    running.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(statuses.keySet())
        .as("statuses seen under load: %s", statuses)
        .containsOnly(200, 503);
    assertThat(statuses.get(503).get()).isPositive();
    assertThat(api.get("/health", Map.class).value()).containsEntry("status", "UP");
    assertThat(Uploads.count(jdbcUrl(), "postgres", "", indicator))
        .as("nothing of the cut upload survives")
        .isZero();

    var again =
        api.call(
            HttpRequest.POST("/api/measurements/upload?file=corte.csv", Uploads.csv(indicator))
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    assertThat(again.status()).isEqualTo(200);
    assertThat(Uploads.count(jdbcUrl(), "postgres", "", indicator)).isEqualTo(Uploads.ROWS);
  }

  static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
