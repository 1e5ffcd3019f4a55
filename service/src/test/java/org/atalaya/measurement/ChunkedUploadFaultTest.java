package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;

/** A chunked upload whose framing breaks midway stores nothing: the file never arrived whole. */
@MicronautTest(environments = "test")
class ChunkedUploadFaultTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedServer server;

  @Test
  void aBrokenChunkSizeLineAfterFiftyGoodRowsCommitsNothing() throws Exception {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String code = "CHK-" + Long.toString(System.nanoTime(), 36);
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    var rows = new StringBuilder("indicador,periodo,sexo,territorio,valor\n");
    for (int i = 0; i < 50; i++) {
      rows.append(code).append(',').append(1970 + i).append("-01,F,LCH-01,1\n");
    }
    byte[] chunk = rows.toString().getBytes(StandardCharsets.UTF_8);
    String answer;
    try (var socket = new Socket("localhost", server.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/measurements/upload?file=roto.csv HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + analyst
                  + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + Integer.toHexString(chunk.length)
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.write("\r\nZZZ-not-a-size\r\nmore\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      answer = read(socket.getInputStream());
    } catch (java.net.SocketTimeoutException e) {
      answer = "";
    }

    assertThat(answer).doesNotStartWith("HTTP/1.1 200");
    Thread.sleep(500);
    assertThat(
            (List<?>)
                api.call(
                        HttpRequest.GET(
                                "/api/indicators/" + code + "/series?sex=F&territory=LCH-01")
                            .bearerAuth(analyst),
                        Map.class)
                    .value()
                    .get("points"))
        .isEmpty();
  }

  private static String read(InputStream in) throws java.io.IOException {
    var buffer = new ByteArrayOutputStream();
    byte[] b = new byte[4096];
    int n;
    try {
      while ((n = in.read(b)) > 0) {
        buffer.write(b, 0, n);
        if (buffer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
          break;
        }
      }
    } catch (java.net.SocketException e) {
      // the server may close the connection on a framing error
    }
    return buffer.toString(StandardCharsets.ISO_8859_1);
  }
}
