package org.atalaya.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.atalaya.database.ScheduledRuns;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.TestDatabaseSession;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the service on one database, as behind a load balancer: what one writes the other
 * reads, the login throttle counts guesses sent to either, a session ended on one is refused by
 * both, and a scheduled job fired by both runs once.
 */
class TwoReplicasTest {
  private static final String PAGE = "/indicadores/HOM-TASA";
  private static ApplicationContext first;
  private static ApplicationContext second;
  private static EmbeddedServer one;
  private static EmbeddedServer two;

  @BeforeAll
  static void startTwoReplicas() {
    TestDatabaseSession.database();
    first = replica();
    one = first.getBean(EmbeddedServer.class).start();
    second = replica();
    two = second.getBean(EmbeddedServer.class).start();
  }

  @AfterAll
  static void stop() {
    for (ApplicationContext c : new ApplicationContext[] {second, first}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static ApplicationContext replica() {
    return ApplicationContext.builder()
        .environments("test")
        .properties(
            Map.of(
                "atalaya.login-throttle.max-failures", "3",
                "atalaya.security.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1",
                "atalaya.pages.version-poll", "200ms"))
        .start();
  }

  private static Api api(EmbeddedServer server) {
    return new Api(HttpClient.create(server.getURL()));
  }

  @Test
  void aChangeWrittenThroughOneIsReadThroughTheOther() throws Exception {
    Api viaOne = api(one);
    Api viaTwo = api(two);
    String admin = viaOne.adminToken();
    Browser visitor = new Browser(two.getURI());
    assertThat(visitor.get(PAGE).body()).doesNotContain("(otra réplica)");

    @SuppressWarnings("unchecked")
    Map<String, Object> indicator =
        new LinkedHashMap<>(
            viaOne
                .call(HttpRequest.GET("/api/indicators/HOM-TASA").bearerAuth(admin), Map.class)
                .value());
    String name = (String) indicator.get("name");
    try {
      indicator.put("name", name + " (otra réplica)");
      // The demo plan is published: the change is proposed, and in force once approved.
      var put =
          viaOne.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA", indicator).bearerAuth(admin));
      assertThat(put.status()).isEqualTo(200);

      var read =
          viaTwo.call(HttpRequest.GET("/api/indicators/HOM-TASA").bearerAuth(admin), Map.class);
      assertThat(read.value().get("name"))
          .as("the other replica's very next signed-in read")
          .isEqualTo(name + " (otra réplica)");

      long start = System.nanoTime();
      while (!visitor.get(PAGE).body().contains("(otra réplica)")) {
        assertThat((System.nanoTime() - start) / 1_000_000)
            .as("the public page on the other replica catches up within its version poll")
            .isLessThan(5_000);
        Thread.sleep(50);
      }
    } finally {
      indicator.put("name", name);
      viaOne.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA", indicator).bearerAuth(admin));
    }
  }

  @Test
  void failedLoginsSentToEitherReplicaCountTogether() {
    String client =
        "198.18."
            + ThreadLocalRandom.current().nextInt(256)
            + "."
            + (1 + ThreadLocalRandom.current().nextInt(254));
    assertThat(login(one, client, "nadie-1", "mala")).isEqualTo(401);
    assertThat(login(two, client, "nadie-2", "mala")).isEqualTo(401);
    assertThat(login(one, client, "nadie-3", "mala")).isEqualTo(401);

    assertThat(login(two, client, "admin", Api.ADMIN_PASSWORD))
        .as("the third failure, counted by the first replica, holds on the second")
        .isEqualTo(429);
    assertThat(login(one, client, "admin", Api.ADMIN_PASSWORD)).isEqualTo(429);
    assertThat(login(two, "198.19.0.1", "admin", Api.ADMIN_PASSWORD))
        .as("another client is not held")
        .isEqualTo(200);
  }

  @Test
  void aSessionEndedOnOneReplicaIsRefusedByBoth() {
    Browser person = new Browser(one.getURI());
    person.login("admin", Api.ADMIN_PASSWORD);
    String cookie = person.cookies.get("ATALAYA_SESSION");
    Browser elsewhere = new Browser(two.getURI());
    elsewhere.cookies.put("ATALAYA_SESSION", cookie);
    assertThat(elsewhere.get("/api/me", "application/json").statusCode()).isEqualTo(200);

    var out = person.post("/salir", Map.of("_csrf", Browser.csrf(person.get("/").body())));
    assertThat(out.statusCode()).isEqualTo(303);

    assertThat(elsewhere.get("/api/me", "application/json").statusCode()).isEqualTo(401);
    Browser copy = new Browser(one.getURI());
    copy.cookies.put("ATALAYA_SESSION", cookie);
    assertThat(copy.get("/api/me", "application/json").statusCode()).isEqualTo(401);
    var bearer = api(two).call(HttpRequest.GET("/api/me").bearerAuth(cookie), Map.class).status();
    assertThat(bearer).as("the same token as a bearer, on the other replica").isEqualTo(401);
  }

  @Test
  void aScheduledJobFiredByBothReplicasRunsOnce() {
    String job = "prueba-" + Long.toString(System.nanoTime(), 36);
    Instant fired = Instant.parse("2026-12-07T02:30:00Z");

    boolean byOne = first.getBean(ScheduledRuns.class).claim(job, fired);
    boolean byTwo = second.getBean(ScheduledRuns.class).claim(job, fired.plusSeconds(4));
    boolean nextDay = second.getBean(ScheduledRuns.class).claim(job, fired.plusSeconds(86_400));

    assertThat(byOne).isTrue();
    assertThat(byTwo).as("a clock four seconds late names the same run").isFalse();
    assertThat(nextDay).isTrue();
  }

  private static int login(EmbeddedServer server, String client, String username, String password) {
    return api(server)
        .call(
            HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .header("X-Forwarded-For", client),
            Map.class)
        .status();
  }
}
