package org.atalaya.web.broken;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A template that fails while rendering gives a readable 500 at once, not a hung request. */
@MicronautTest(environments = {"test", "broken-page"})
class BrokenPageTest {
  @Inject EmbeddedServer server;

  @Test
  void aTemplateMistakeAnswers500InsteadOfHanging() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURI() + "/prueba/rota"))
            .header("Accept", "text/html")
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build();

    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).contains("<html").doesNotContain("noExiste");
  }
}
