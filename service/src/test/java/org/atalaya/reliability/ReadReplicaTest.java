package org.atalaya.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.atalaya.database.ReadReplica;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * The public's pages come from a real PostgreSQL streaming replica of the test database when one is
 * configured. With the replica's replay paused, a change made by a signed-in analyst shows to her
 * at once (the primary) but not to the public, whose page says the replica's own, older data
 * version; once replay resumes the public sees the change under the replica's new version; signing
 * in works throughout; and when the replica dies the primary answers the public and /health says
 * so. Opt-in ({@code ATALAYA_TEST_STANDBY=true}): it skips with the reason otherwise.
 */
class ReadReplicaTest {
  private static final String PAGE = "/indicadores/HOM-TASA";
  private static final String MARK = " (vista de la réplica)";
  private static final String VERSION = "Atalaya-Data-Version";

  @Test
  void thePublicReadsTheReplicaAtItsOwnVersionAndThePrimaryWhenItIsDown() throws Exception {
    assumeTrue(
        "true".equals(System.getenv("ATALAYA_TEST_STANDBY")),
        "a real streaming standby and a service of its own take minutes, not the suite's seconds"
            + " (241 s on the loaded 2-core build machine): set ATALAYA_TEST_STANDBY=true to run it");
    TestDatabase db = TestDatabaseSession.database();
    assumeTrue(db.kind.startsWith("embedded"), "a standby is made from the embedded server only");
    try (Standby standby = Standby.of(db.url, db.username, "atalaya_test")) {
      ApplicationContext context =
          ApplicationContext.builder()
              .environments("test")
              .properties(
                  Map.of(
                      "atalaya.database.replica.url",
                      standby.url,
                      "atalaya.database.replica.username",
                      db.username,
                      "atalaya.database.replica.max-lag",
                      "10m",
                      "atalaya.pages.version-poll",
                      "200ms"))
              .start();
      try {
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        ReadReplica replica = context.getBean(ReadReplica.class);
        Api api = new Api(HttpClient.create(server.getURL()));
        await(() -> replica.source() != null && replica.source().replica(), "replica in use");
        String admin = api.adminToken();
        assertThat(admin).as("signing in with a replica configured").isNotBlank();

        Browser visitor = new Browser(server.getURI());
        assertThat(visitor.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(replica.answered()[0]).as("connections from the replica").isPositive();

        standby.sql(db.username, "SELECT pg_wal_replay_pause()");
        String pausedAt = version(standby.url, db.username);
        Map<String, Object> indicator = indicator(api, admin);
        String name = (String) indicator.get("name");
        try {
          indicator.put("name", name + MARK);
          var put =
              api.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA", indicator).bearerAuth(admin));
          assertThat(put.status()).isEqualTo(200);
          String written = version(db.url, db.username);
          assertThat(written).as("the primary moved on").isNotEqualTo(pausedAt);

          assertThat(indicator(api, admin).get("name"))
              .as("the analyst reads the primary at once")
              .isEqualTo(name + MARK);
          Thread.sleep(600); // three polls of the data version: nothing new on the replica
          HttpResponse<String> paused = visitor.get(PAGE);
          assertThat(paused.body()).as("the public reads the paused replica").doesNotContain(MARK);
          assertThat(stated(paused))
              .as("the page says the replica's version, not the primary's")
              .isEqualTo(pausedAt);

          standby.sql(db.username, "SELECT pg_wal_replay_resume()");
          HttpResponse<String> caughtUp = awaitPage(visitor, true);
          String replayed = version(standby.url, db.username);
          assertThat(stated(caughtUp))
              .as("the page with the change says the version the replica has now")
              .isEqualTo(replayed);
          assertThat(count(replayed)).isGreaterThanOrEqualTo(count(written));
          assertThat(api.login("admin", Api.ADMIN_PASSWORD)).isNotBlank();

          standby.kill();
          await(() -> !replica.source().replica(), "the primary answers the public");
          HttpResponse<String> fallback = visitor.get(PAGE + "?sexo=F");
          assertThat(fallback.statusCode()).isEqualTo(200);
          assertThat(fallback.headers().firstValue(VERSION).orElseThrow()).startsWith("p");
          assertThat(new Browser(server.getURI()).get("/health").body())
              .as("the health check says why the primary answers")
              .contains("\"inUse\":false")
              .contains("unreachable");
        } finally {
          indicator.put("name", name);
          api.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA", indicator).bearerAuth(admin));
        }
        awaitPage(visitor, false);
      } finally {
        context.close();
      }
    }
  }

  /** The data version as the page states it: between the source and the write count. */
  private static String stated(HttpResponse<String> page) {
    String header = page.headers().firstValue(VERSION).orElseThrow();
    assertThat(header).as("a page computed on the replica").startsWith("r");
    return header.substring(header.indexOf(':') + 1, header.lastIndexOf('/'));
  }

  private static long count(String version) {
    return Long.parseLong(version.split(":")[1]);
  }

  /** The data version read by hand on one server (epoch and count of committed writes). */
  private static String version(String url, String user) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT (SELECT epoch FROM data_epoch) || ':' || (SELECT count(*) FROM data_change)")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long start = System.nanoTime();
    while (!done.getAsBoolean()) {
      assertThat((System.nanoTime() - start) / 1_000_000).as(what).isLessThan(15_000);
      Thread.sleep(100);
    }
  }

  private static HttpResponse<String> awaitPage(Browser visitor, boolean marked)
      throws InterruptedException {
    Predicate<HttpResponse<String>> shows = r -> r.body().contains(MARK) == marked;
    long start = System.nanoTime();
    while (true) {
      HttpResponse<String> r = visitor.get(PAGE);
      if (shows.test(r)) {
        return r;
      }
      assertThat((System.nanoTime() - start) / 1_000_000)
          .as("the public page shows the replica's data within its version poll")
          .isLessThan(15_000);
      Thread.sleep(100);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> indicator(Api api, String token) {
    return new LinkedHashMap<>(
        api.call(HttpRequest.GET("/api/indicators/HOM-TASA").bearerAuth(token), Map.class).value());
  }
}
