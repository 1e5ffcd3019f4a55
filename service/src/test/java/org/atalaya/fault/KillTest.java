package org.atalaya.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.atalaya.reliability.Uploads;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL, as the kernel's OOM killer sends it, to the service in the middle of an upload and to
 * its embedded database under load. The service runs in a JVM of its own on a data directory that
 * outlives it; each case ends with the service healthy and nothing half-stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillTest {
  @TempDir static Path work;
  static Path data;
  static ServiceProcess service;
  static String token;

  @BeforeAll
  static void startTheService() throws Exception {
    data = work.resolve("pg");
    service = ServiceProcess.start(data, work.resolve("first.log")).awaitHealthy();
    // The nine corregimientos the upload names (the demo plan is not loaded: it costs a minute).
    try (var c = DriverManager.getConnection(ServiceProcess.jdbcUrl(data), "postgres", "");
        var s = c.createStatement()) {
      s.execute(
          "INSERT INTO territory (code, name, level) VALUES ('LCH', 'La Chorrera', 'DISTRICT')");
      s.execute(
          "INSERT INTO territory (code, name, level, parent_id)"
              + " SELECT 'LCH-0' || n, 'Corregimiento ' || n, 'CORREGIMIENTO',"
              + " (SELECT id FROM territory WHERE code = 'LCH') FROM generate_series(1, 9) n");
    }
    token = api().login("admin", ServiceProcess.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stopTheService() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  static Api api() throws Exception {
    return new Api(HttpClient.create(new URL(service.base())));
  }

  @Test
  @Order(1)
  void aServiceKilledMidUploadStartsAgainInTheSameDirectoryWithNothingOfTheUpload()
      throws Exception {
    String indicator = "KILL-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api(), token, unplanned(indicator));
    var held = new Uploads.Held(indicator);
    var upload = Uploads.send(service.base(), token, "matado.csv", held);
    String jdbc = ServiceProcess.jdbcUrl(data);
    Uploads.await("the upload is copying", () -> Uploads.copyInProgress(jdbc, "postgres", ""));

    ProcessHandle orphan = ServiceProcess.postmaster(data).orElseThrow();
    service.kill();
    held.rest.countDown();
    assertThat(upload.handle((r, e) -> r == null ? -1 : r.statusCode()).get(60, TimeUnit.SECONDS))
        .as("the killed service answers nothing")
        .isEqualTo(-1);
    assertThat(orphan.isAlive())
        .as("PostgreSQL runs detached: it outlives the service and holds the directory")
        .isTrue();

    Path log = work.resolve("second.log");
    service = ServiceProcess.start(data, log).awaitHealthy();

    assertThat(Files.readString(log))
        .contains("PostgreSQL server (PID " + orphan.pid() + ") left running by an earlier service")
        .contains("The earlier PostgreSQL server (PID " + orphan.pid() + ") stopped");
    assertThat(orphan.isAlive()).isFalse();
    assertThat(Uploads.count(ServiceProcess.jdbcUrl(data), "postgres", "", indicator))
        .as("nothing of the cut upload was stored")
        .isZero();

    var again = send(indicator, "matado.csv");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(Uploads.count(ServiceProcess.jdbcUrl(data), "postgres", "", indicator))
        .isEqualTo(Uploads.ROWS);
  }

  @Test
  @Order(2)
  void aDatabaseKilledUnderLoadIsStartedAgainByTheService() throws Exception {
    ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> retryAfter = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(3);
    var client = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < 3; i++) {
      load.submit(
          () -> {
            while (running.get()) {
              var answer =
                  client.send(
                      java.net.http.HttpRequest.newBuilder(
                              URI.create(service.base() + "/api/plans"))
                          .timeout(Duration.ofSeconds(30))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              statuses
                  .computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                  .incrementAndGet();
              answer.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
            }
            return null;
          });
    }
    Thread.sleep(500);
    ProcessHandle killed = ServiceProcess.postmaster(data).orElseThrow();
    killed.destroyForcibly();
    killed.onExit().get(30, TimeUnit.SECONDS);

    Uploads.await(
        "the service has started its database again",
        () ->
            ServiceProcess.postmaster(data).filter(p -> p.pid() != killed.pid()).isPresent()
                && service.status("/health") == 200);
    Thread.sleep(500); // a little load after the recovery too
    running.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    // Never a 500 nor a hang: a request either waits for the restarted database (within the pool's
    // 3-s connection timeout, so a quick restart may refuse nobody) or is refused with a retry.
    assertThat(statuses.keySet()).as("statuses under load: %s", statuses).isSubsetOf(200, 503);
    assertThat(statuses.get(200)).as("requests answered: %s", statuses).isNotNull();
    assertThat(retryAfter).as("an embedded restart takes seconds").allMatch("5"::equals);
    assertThat(retryAfter).hasSize(statuses.containsKey(503) ? statuses.get(503).get() : 0);
    assertThat(service.tail())
        .contains("The embedded PostgreSQL died under the service: restarting it")
        .contains("Embedded PostgreSQL restarted on port");

    String indicator = "DBKILL-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api(), token, unplanned(indicator));
    var upload = send(indicator, "despues.csv");
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    assertThat(api().get("/health", Map.class).value()).containsEntry("status", "UP");
  }

  @Test
  @Order(3)
  void aDatabaseThatHangsIsWaitedForWithAGrowingRetryAfterAndHealthSaysWhy() throws Exception {
    ProcessHandle postmaster = ServiceProcess.postmaster(data).orElseThrow();
    List<ProcessHandle> server = new java.util.ArrayList<>();
    server.add(postmaster);
    postmaster.descendants().forEach(server::add);
    signal("STOP", server);
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      List<String> retryAfter = new java.util.ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
      int answered = 0;
      while (System.nanoTime() < until) {
        var answer =
            client.send(
                java.net.http.HttpRequest.newBuilder(URI.create(service.base() + "/api/plans"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        answered++;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        answer.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
      }
      assertThat(answered).as("requests are answered, not left hanging").isPositive();
      assertThat(retryAfter).as("every 503 says when to come back").hasSize(answered);
      assertThat(Integer.parseInt(retryAfter.get(retryAfter.size() - 1)))
          .as("a server alive but silent is not a restart of a few seconds: %s", retryAfter)
          .isGreaterThan(5);
      var health =
          client.send(
              java.net.http.HttpRequest.newBuilder(URI.create(service.base() + "/health"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("running but does not answer");
    } finally {
      signal("CONT", server);
    }
    Uploads.await("the service answers again", () -> service.status("/api/plans") == 200);
    assertThat(postmaster.isAlive()).as("the hung server was waited for, not replaced").isTrue();
  }

  private static void signal(String name, List<ProcessHandle> processes) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + name));
    processes.forEach(p -> command.add(Long.toString(p.pid())));
    assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
  }

  /** The fixture without its action card: the demo plan it names is not loaded here. */
  private static Map<String, Object> unplanned(String code) {
    var indicator = new java.util.HashMap<>(IndicatorFixtures.domesticViolenceReports(code));
    indicator.remove("actionCard");
    return indicator;
  }

  private static HttpResponse<String> send(String indicator, String file) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create(service.base() + "/api/measurements/upload?file=" + file))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Uploads.csv(indicator)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
