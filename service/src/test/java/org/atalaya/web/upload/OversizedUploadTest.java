package org.atalaya.web.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/** A file past the pages' size limit gets a readable page, in Spanish, not a stack trace. */
@MicronautTest(environments = "test")
@Property(name = "micronaut.server.multipart.max-file-size", value = "64KB")
class OversizedUploadTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void anOversizedFileIsRefusedWithAPageThatSaysSo() {
    new Api(client).analystToken();
    FormClient browser = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String action = FormClient.uploadAction(browser.get("/datos/cargas").body());
    byte[] big = new byte[200 * 1024];
    Arrays.fill(big, (byte) 'x');

    var page = browser.upload(action, Map.of(), "archivo", "grande.csv", big);

    assertThat(page.statusCode()).isEqualTo(413);
    assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("(413)")
        .contains("supera el tamaño máximo permitido")
        .doesNotContain("Exception");
  }
}
