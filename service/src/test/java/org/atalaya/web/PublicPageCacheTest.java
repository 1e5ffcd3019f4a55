package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atalaya.shared.DataVersion;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * The public's pages are kept as rendered until the data changes: a second visit is the same page
 * from memory, and a change made through the API shows on the very next visit, in both languages.
 * Signed-in pages are never kept.
 */
@MicronautTest(environments = "test")
class PublicPageCacheTest {
  static final String PAGE = "/indicadores/HOM-TASA";

  @Inject EmbeddedServer server;

  @Inject PublicPageCache cache;

  @Inject DataVersion versions;

  @Inject javax.sql.DataSource dataSource;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aChangeShowsOnTheNextPublicVisitAndSignedInPagesAreNotKept() throws Exception {
    Api api = new Api(client);
    String admin = api.adminToken();
    Browser visitor = new Browser(server.getURI());
    String before = visitor.get(PAGE).body();
    assertThat(visitor.get(PAGE).body()).isEqualTo(before);
    assertThat(cache.size()).isPositive();

    @SuppressWarnings("unchecked")
    Map<String, Object> indicator =
        new LinkedHashMap<>(
            api.call(HttpRequest.GET("/api/indicators/HOM-TASA").bearerAuth(admin), Map.class)
                .value());
    String name = (String) indicator.get("name");
    String version = versions.current();
    try {
      indicator.put("name", name + " (revisado hoy)");
      // The demo plan is published: the change is proposed, and in force once approved.
      var put =
          api.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA", indicator).bearerAuth(admin));
      assertThat(put.status()).isEqualTo(200);
      assertThat(versions.current()).isNotEqualTo(version);

      assertThat(visitor.get(PAGE).body()).contains("(revisado hoy)");
      Browser english = new Browser(server.getURI());
      english.get("/idioma?lang=en&volver=/");
      assertThat(english.get(PAGE).body()).contains("<html lang=\"en\"").contains("(revisado hoy)");
    } finally {
      indicator.put("name", name);
      api.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA", indicator).bearerAuth(admin));
    }
    assertThat(visitor.get(PAGE).body()).doesNotContain("(revisado hoy)");

    int kept = cache.size();
    api.analystToken();
    Browser analyst = new Browser(server.getURI());
    assertThat(analyst.login("test-analyst", Api.STAFF_PASSWORD).statusCode()).isLessThan(400);
    assertThat(analyst.get("/planes/LCH-PISCC-2025?sexo=F").body()).contains("test-analyst");
    var bearer =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/planes/LCH-PISCC-2025?sexo=M").bearerAuth(admin), String.class);
    assertThat(bearer.code()).isEqualTo(200);
    assertThat(cache.size()).isEqualTo(kept);
  }

  @Test
  void aChangeMadeOutsideTheServiceShowsWithinSeconds() throws Exception {
    Browser visitor = new Browser(server.getURI());
    String page = "/indicadores/VD-DENUNCIAS";
    assertThat(visitor.get(page).body()).doesNotContain("(cambiado por SQL)");
    try {
      sql("UPDATE indicator SET name = name || ' (cambiado por SQL)' WHERE code = 'VD-DENUNCIAS'");
      long deadline = System.nanoTime() + 10_000_000_000L;
      String body = visitor.get(page).body();
      while (!body.contains("(cambiado por SQL)") && System.nanoTime() < deadline) {
        Thread.sleep(200);
        body = visitor.get(page).body();
      }
      assertThat(body).contains("(cambiado por SQL)");
    } finally {
      sql(
          "UPDATE indicator SET name = replace(name, ' (cambiado por SQL)', '')"
              + " WHERE code = 'VD-DENUNCIAS'");
    }
  }

  private void sql(String statement) throws java.sql.SQLException {
    // A connection of its own, outside the test's transaction: as another program would write.
    var raw =
        io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    try (var c = raw.getConnection();
        var s = c.createStatement()) {
      c.setAutoCommit(true);
      s.executeUpdate(statement);
    }
  }
}
