package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A page whose template fails is answered at once with the Spanish error page and a 500, whether
 * the template is written after the controller returns or by the controller itself; the browser
 * never waits on an unanswered request.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.test.broken-pages", value = "true")
class BrokenTemplateTest {
  @Inject EmbeddedServer server;

  @Test
  void aTemplateThatFailsIsAnswered500WithTheErrorPagePromptly() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String path : new String[] {"/prueba-rota", "/prueba-rota/directa"}) {
      var request =
          HttpRequest.newBuilder(server.getURI().resolve(path))
              .header("Accept", "text/html")
              .timeout(Duration.ofSeconds(20))
              .GET()
              .build();
      HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(page.statusCode()).as(path).isEqualTo(500);
      assertThat(page.body())
          .as(path)
          .contains("<html lang=\"es\"")
          .contains("<h1><span>Error interno</span> <small>(500)</small></h1>")
          .contains("Se registró para su revisión")
          .doesNotContain("IllegalStateException");
    }
  }
}
