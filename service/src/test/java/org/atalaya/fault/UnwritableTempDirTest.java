package org.atalaya.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.util.Map;
import org.atalaya.reliability.Uploads;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.Test;

/**
 * The folder where uploads wait on disk cannot be written (full, read-only, gone: here a path under
 * {@code /dev/null}, which even root cannot create). The sender hears that the server cannot store
 * the file — a 503 in words, not a 500 — and nothing is stored.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.upload.temp-dir", value = "/dev/null/atalaya")
class UnwritableTempDirTest {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aWorkbookThatCannotBeSpooledIsA503InWordsAndNothingIsStored() throws Exception {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String code = "TMP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    String file = code.toLowerCase() + ".xlsx";

    var reply =
        api.call(
            HttpRequest.POST("/api/measurements/upload?file=" + file, new byte[200_000])
                .contentType(XLSX)
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.error().detail())
        .isEqualTo(
            "El servidor no puede guardar el archivo recibido (su carpeta temporal no admite"
                + " escritura o está llena). No se guardó nada; avise al administrador e intente"
                + " de nuevo más tarde.");
    TestDatabase db = TestDatabaseSession.database();
    assertThat(Uploads.count(db.url, db.username, db.password, code)).isZero();
    assertThat(auditRows(file)).as("no audit entry for an upload never stored").isZero();
  }

  private static long auditRows(String file) throws Exception {
    TestDatabase db = TestDatabaseSession.database();
    try (var c = DriverManager.getConnection(db.url, db.username, db.password);
        var s = c.prepareStatement("SELECT count(*) FROM audit_log WHERE entity_key = ?")) {
      s.setString(1, file);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
