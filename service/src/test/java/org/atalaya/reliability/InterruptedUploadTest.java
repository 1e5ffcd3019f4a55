package org.atalaya.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload cut short in the middle of its COPY — its database session killed, its client gone, or
 * the whole service killed — leaves nothing behind: the file is all there or not at all.
 */
@MicronautTest(environments = "test")
class InterruptedUploadTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String indicator;
  TestDatabase db;

  @BeforeEach
  void anIndicator() {
    api = new Api(client);
    analyst = api.analystToken();
    indicator = "CUT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(indicator));
    db = TestDatabaseSession.database();
  }

  private long stored() throws Exception {
    return Uploads.count(db.url, db.username, db.password, indicator);
  }

  private boolean copying() throws Exception {
    return Uploads.copyInProgress(db.url, db.username, db.password);
  }

  private Api.Reply<Map> uploadWhole() {
    return api.call(
        HttpRequest.POST("/api/measurements/upload?file=entera.csv", Uploads.csv(indicator))
            .contentType("text/csv")
            .bearerAuth(analyst),
        Map.class);
  }

  @Test
  void aDatabaseSessionKilledMidCopyLeavesNothingAndTheNextUploadGoesThrough() throws Exception {
    var held = new Uploads.Held(indicator);
    var upload = Uploads.send(server.getURL().toString(), analyst, "cortada.csv", held);
    Uploads.await("the upload is copying", this::copying);

    try (var c = DriverManager.getConnection(db.url, db.username, db.password);
        var kill =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'COPY measurement%'")) {
      kill.executeQuery();
    }
    held.rest.countDown();
    int status = upload.handle((r, e) -> r == null ? -1 : r.statusCode()).get(60, TimeUnit.SECONDS);

    assertThat(status).as("the cut upload's answer").isIn(503, -1);
    assertThat(stored()).isZero();
    assertThat(uploadWhole().status()).isEqualTo(200);
    assertThat(stored()).isEqualTo(Uploads.ROWS);
  }

  @Test
  void aClientThatHangsUpMidUploadLeavesNothing() throws Exception {
    var held = new Uploads.Held(indicator);
    var upload = Uploads.send(server.getURL().toString(), analyst, "colgada.csv", held);
    Uploads.await("the upload is copying", this::copying);

    upload.cancel(true); // the client goes away with half the file sent
    held.rest.countDown();
    Uploads.await("the server gives up on the upload", () -> !copying());

    assertThat(stored()).isZero();
  }

  @Test
  void aServiceKilledMidUploadLeavesNothing(@TempDir Path logs) throws Exception {
    int port = DatabaseOutageTest.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Ddatasources.default.url=" + db.url);
    command.add("-Ddatasources.default.username=" + db.username);
    command.add("-Ddatasources.default.password=" + db.password);
    command.add("-Dmicronaut.server.port=" + port);
    command.add("-Datalaya.admin.password=" + Api.ADMIN_PASSWORD);
    command.add(
        "-Dmicronaut.security.token.jwt.signatures.secret.generator.secret=" + "k".repeat(40));
    command.add("org.atalaya.Application");
    Process service =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("service.log").toFile())
            .start();
    try {
      String base = "http://localhost:" + port;
      var child = new Api(HttpClient.create(URI.create(base).toURL()));
      Uploads.await("the child service answers", () -> health(child) == 200);
      String token = child.login("admin", Api.ADMIN_PASSWORD);
      var held = new Uploads.Held(indicator);
      var upload = Uploads.send(base, token, "matada.csv", held);
      Uploads.await("the upload is copying", this::copying);

      service.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the service
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
      held.rest.countDown();
      Uploads.await("PostgreSQL notices the dead connection", () -> !copying());

      assertThat(upload.handle((r, e) -> r == null ? -1 : r.statusCode()).get(30, TimeUnit.SECONDS))
          .isEqualTo(-1);
      assertThat(stored()).isZero();
    } finally {
      service.destroyForcibly();
    }
  }

  private static int health(Api child) {
    try {
      return child.get("/health", Map.class).status();
    } catch (RuntimeException e) {
      return -1; // not listening yet
    }
  }
}
