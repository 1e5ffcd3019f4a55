package org.atalaya.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.Test;

/**
 * Stopping the service (what SIGTERM does) lets an upload that is already streaming in finish and
 * commit before the server and its database pool close. Its own service, on the shared database.
 */
class GracefulShutdownTest {
  @Test
  void anUploadInFlightWhenTheServiceStopsIsFinishedAndStored() throws Exception {
    TestDatabase db = TestDatabaseSession.database();
    ApplicationContext context = ApplicationContext.run("test");
    try {
      EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
      Api api = new Api(HttpClient.create(server.getURL()));
      String analyst = api.analystToken();
      String indicator = "STOP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
      IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(indicator));
      var held = new Uploads.Held(indicator);
      var upload = Uploads.send(server.getURL().toString(), analyst, "apagado.csv", held);
      Uploads.await(
          "the upload is copying", () -> Uploads.copyInProgress(db.url, db.username, db.password));

      var stopping = CompletableFuture.runAsync(context::stop);
      Thread.sleep(1500);
      assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
      held.rest.countDown();

      var answer = upload.get(60, TimeUnit.SECONDS);
      stopping.get(60, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(Uploads.count(db.url, db.username, db.password, indicator))
          .isEqualTo(Uploads.ROWS);
    } finally {
      if (context.isRunning()) {
        context.stop();
      }
    }
  }
}
