package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;

/**
 * File names in requests are labels, never paths: a name climbing out of a directory neither reads
 * nor writes anything there, and the answer never carries a system file's content.
 */
@MicronautTest(environments = "test")
class PathTraversalTest {
  static final List<String> NAMES =
      List.of(
          "../../etc/passwd",
          "../../../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "/etc/passwd",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "datos.csv/../../../../etc/shadow");

  @Inject
  @Client("/")
  HttpClient client;

  private static String digest(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void uploadFileNamesAreLabelsThatReachNoFile() throws Exception {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String indicator = "PATH-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(indicator));
    Path passwd = Path.of("/etc/passwd");
    String before = digest(passwd);

    for (String name : NAMES) {
      String csv =
          "indicador,periodo,sexo,territorio,valor\n" + indicator + ",2025-01,F,LCH-02,3\n";
      List<MutableHttpRequest<?>> requests =
          List.of(
              HttpRequest.POST(uri("/api/measurements/upload", name), csv).contentType("text/csv"),
              HttpRequest.POST(uri("/api/measurements/upload", name) + "&format=xlsx", "not a zip")
                  .contentType("application/octet-stream"),
              HttpRequest.POST(uri("/api/territories/population/import", name), "a,b\n1,2\n")
                  .contentType("text/csv"),
              HttpRequest.POST(
                      uri("/api/surveys/LCH-PERCEPCION/waves/2024/microdata", name)
                          + "&dryRun=true",
                      "peso\n1\n")
                  .contentType("text/csv"));
      for (var request : requests) {
        var reply = api.call(request.bearerAuth(analyst), String.class);
        String body = reply.body().orElse("") + reply.problem().map(Object::toString).orElse("");
        assertThat(reply.status()).as(name + " " + request.getPath()).isLessThan(500);
        assertThat(body).as(name).doesNotContain("root:x:0:0").doesNotContain("[fonts]");
      }
    }
    // A name pointing where nothing exists yet: had the service written the upload to its name,
    // the file would be there now.
    String trap = "../../atalaya-traversal-" + indicator + ".csv";
    api.call(
        HttpRequest.POST(
                uri("/api/measurements/upload", trap),
                "indicador,periodo,sexo,territorio,valor\n" + indicator + ",2025-02,F,LCH-02,3\n")
            .contentType("text/csv")
            .bearerAuth(analyst),
        String.class);
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      assertThat(dir.resolve(trap).normalize()).doesNotExist();
      assertThat(dir.resolve("atalaya-traversal-" + indicator + ".csv")).doesNotExist();
    }
    assertThat(Path.of(System.getProperty("java.io.tmpdir")).resolve(trap).normalize())
        .doesNotExist();

    assertThat(digest(passwd)).isEqualTo(before);
  }

  @Test
  void aReportFileNameCannotClimbOutOfTheReport() {
    Api api = new Api(client);
    for (String name : NAMES) {
      String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
      var reply =
          api.call(HttpRequest.GET("/api/reports/LCH-PISCC-2025/2025/1/" + encoded), String.class);
      assertThat(reply.status()).as(name).isBetween(400, 499);
      assertThat(reply.body().orElse("")).doesNotContain("root:x:0:0");
    }
  }

  private static String uri(String path, String file) {
    return UriBuilder.of(path).queryParam("file", file).toString();
  }
}
