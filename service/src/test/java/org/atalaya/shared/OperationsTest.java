package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/** What an operator looks at: health, metrics, the API's documentation. */
@MicronautTest(environments = "test")
class OperationsTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void healthSaysTheDatabaseIsUpWithoutRevealingWhereItIs() {
    var reply = new Api(client).get("/health", String.class);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value())
        .contains("\"status\":\"UP\"")
        .contains("\"database\"")
        .contains("\"timescaledb\"")
        .doesNotContain("jdbc:")
        .doesNotContain("password");
  }

  @Test
  void prometheusMetricsArePublished() {
    var reply = new Api(client).get("/prometheus", String.class);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void theOpenApiDocumentDescribesThePlanApiAndSwaggerUiServesIt() {
    var api = new Api(client);
    String spec = api.get("/swagger/atalaya-1.yml", String.class).value();
    String ui = api.get("/swagger-ui/index.html", String.class).value();

    assertThat(spec)
        .contains("/api/plans/{code}/export")
        .contains("/api/territories/population/import")
        .contains("bearer");
    assertThat(ui).contains("atalaya-1.yml");
  }

  @Test
  void unknownAddressesAre404ProblemsInEnglishWhenAsked() {
    var reply =
        new Api(client)
            .call(
                HttpRequest.GET("/api/nothing-here").header("Accept-Language", "en-US"), Map.class);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.error().title()).isEqualTo("Not found");
  }
}
