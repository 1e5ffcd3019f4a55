package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * An anonymous caller learns nothing about an upload route, not even which content types it takes:
 * 401 first, whatever the body's type. A signed-in caller still hears 415.
 */
@MicronautTest(environments = "test")
class AuthenticationFirstTest {
  static final List<String> UPLOADS =
      List.of(
          "/api/measurements/upload",
          "/api/surveys/PERC/waves/2025/microdata",
          "/api/territories/population/import");

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void anonymousUploadsOfAnyContentTypeAre401Not415() {
    Api api = new Api(client);
    for (String uri : UPLOADS) {
      for (String type : List.of("application/json", "image/png", "text/csv")) {
        var reply = api.call(HttpRequest.POST(uri, "{}").contentType(type), Map.class);
        assertThat(reply.status()).as(uri + " as " + type).isEqualTo(401);
      }
    }
    String analyst = api.analystToken();
    var signedIn =
        api.call(
            HttpRequest.POST(UPLOADS.get(0), "{}").contentType("image/png").bearerAuth(analyst),
            Map.class);
    assertThat(signedIn.status()).isEqualTo(415);
  }
}
