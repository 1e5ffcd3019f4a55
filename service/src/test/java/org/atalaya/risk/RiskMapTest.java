package org.atalaya.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.TerritoryForm;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * The risk map over real HTTP with the demo's illustrative reports: the public reads counts only,
 * never a point and never a count the small-count rule withholds; analysts read the points; a file
 * with a point outside the district is refused row by row in Spanish and stores nothing.
 */
@MicronautTest(environments = "test", transactional = false)
class RiskMapTest {
  @Inject EmbeddedServer server;
  @Inject TerritoryService territories;
  @Inject BoundaryService boundaries;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  @SuppressWarnings("unchecked")
  void thePublicReadsCountsByCorregimientoWithSmallCountsWithheldAndNoPoint() {
    var api = new Api(client);
    var reply = api.get("/api/public/risk/counts", Map.class);
    String raw = client.toBlocking().retrieve("/api/public/risk/counts");

    assertThat(reply.status()).isEqualTo(200);
    Map<String, Object> body = reply.value();
    assertThat(body.get("illustrative")).isEqualTo(true);
    List<Map<String, Object>> places = (List<Map<String, Object>>) body.get("corregimientos");
    assertThat(places).hasSize(18);
    for (Map<String, Object> p : places) {
      Object count = p.get("count");
      if ("WITHHELD".equals(p.get("mark"))) {
        assertThat(count).as(p.toString()).isNull();
      } else {
        long n = ((Number) count).longValue();
        assertThat(n == 0 || n >= 5).as(p.toString()).isTrue();
      }
    }
    // Los Díaz has one illustrative report: withheld, never 1.
    assertThat(places)
        .filteredOn(p -> p.get("code").equals("LCH-13"))
        .singleElement()
        .satisfies(p -> assertThat(p.get("mark")).isEqualTo("WITHHELD"));
    assertThat(raw).doesNotContain("lat").doesNotContain("lon").doesNotContain("-79.");
  }

  @Test
  void thePublicPageSaysIllustrativeAndWithheldAndShowsNoCoordinate() {
    var page = new Browser(server.getURI()).get("/mapa-de-riesgo");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Mapa de riesgo: lugares inseguros para las mujeres")
        .contains("Datos ilustrativos de demostración")
        .contains("Los Díaz")
        .contains("suprimido")
        .contains("cuadrícula de unos 110 m")
        .doesNotContain("-79.")
        .doesNotContain("<circle");
  }

  @Test
  void analystsReadTheGeneralisedPointsAndThePublicCannot() {
    var api = new Api(client);
    var anonymous = api.get("/api/risk/places", List.class);
    var staff =
        api.call(HttpRequest.GET("/api/risk/places").bearerAuth(api.analystToken()), List.class);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.value()).hasSizeGreaterThanOrEqualTo(89);
    @SuppressWarnings("unchecked")
    Map<String, Object> point =
        (Map<String, Object>) ((Map<?, ?>) staff.value().get(0)).get("point");
    double lat = ((Number) point.get("lat")).doubleValue();
    assertThat(Math.abs(lat * 1000 - Math.rint(lat * 1000))).isLessThan(1e-6);

    Browser browser = new Browser(server.getURI());
    browser.login("test-analyst", Api.STAFF_PASSWORD);
    var page = browser.get("/mapa-de-riesgo/puntos");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<circle").contains("Parada de transporte");
  }

  @Test
  void aPointOutsideTheDistrictIsRefusedByRowInSpanishAndNothingIsStored() {
    var api = new Api(client);
    String analyst = api.analystToken();
    int before =
        api.call(HttpRequest.GET("/api/risk/places").bearerAuth(analyst), List.class)
            .value()
            .size();
    String csv =
        "latitud,longitud,tipo,fuente,fecha,direccion\n"
            + "8.9000,-80.5000,parque,registro,2026-01-05,Calle 1\n"
            + "8.8781,-79.7905,estadio,registro,2026-01-05,\n";

    var reply =
        api.call(
            HttpRequest.POST("/api/risk/places/import?file=malo.csv", csv)
                .contentType("text/csv")
                .header("Accept-Language", "es")
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .anySatisfy(
            v -> {
              assertThat(v.field()).isEqualTo("malo.csv:2:latitud");
              assertThat(v.message()).contains("queda fuera del distrito");
            })
        .anySatisfy(
            v -> {
              assertThat(v.field()).isEqualTo("malo.csv:3:tipo");
              assertThat(v.message()).contains("«estadio» no es un valor válido");
            });
    int after =
        api.call(HttpRequest.GET("/api/risk/places").bearerAuth(analyst), List.class)
            .value()
            .size();
    assertThat(after).isEqualTo(before);
  }

  /** A district of two square corregimientos side by side, with their boundaries stored. */
  void squareDistrict() {
    if (territories.find("RSKT-D").isPresent()) {
      return;
    }
    territories.create(
        new TerritoryForm("RSKT-D", "Distrito Cuadrado", TerritoryLevel.DISTRICT, null));
    territories.create(
        new TerritoryForm("RSKT-01", "Cuadro Oeste", TerritoryLevel.CORREGIMIENTO, "RSKT-D"));
    territories.create(
        new TerritoryForm("RSKT-02", "Cuadro Este", TerritoryLevel.CORREGIMIENTO, "RSKT-D"));
    String squares =
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"codigo": "RSKT-01"}, "geometry": {"type": "Polygon",
            "coordinates": [[[-70.0, 10.0], [-69.9, 10.0], [-69.9, 10.1], [-70.0, 10.1],
                             [-70.0, 10.0]]]}},
          {"type": "Feature", "properties": {"codigo": "RSKT-02"}, "geometry": {"type": "Polygon",
            "coordinates": [[[-69.9, 10.0], [-69.8, 10.0], [-69.8, 10.1], [-69.9, 10.1],
                             [-69.9, 10.0]]]}}]}
        """;
    var stored =
        boundaries.importFile(
            "cuadros.geojson",
            squares.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "prueba",
            true,
            "test",
            java.util.Locale.forLanguageTag("es-PA"));
    assertThat(stored.importable()).as("%s", stored).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGoodFileIsCheckedFirstThenStoredInItsCorregimientosGeneralisedAndCountedWithheld() {
    squareDistrict();
    var api = new Api(client);
    String analyst = api.analystToken();
    String csv =
        "latitud,longitud,tipo,fuente,fecha,direccion\n"
            + "10.05004,-69.95004,parada,encuesta,2026-02-01,Casa 4\n"
            + "10.0501,-69.8501,lote,recorrido,2026-02-02,\n";

    var dry =
        api.call(
            HttpRequest.POST("/api/risk/places/import?file=bueno.csv&dryRun=true", csv)
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    var before = api.get("/api/public/risk/counts?district=RSKT-D", Map.class).value();
    var stored =
        api.call(
            HttpRequest.POST("/api/risk/places/import?file=bueno.csv", csv)
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    var after = api.get("/api/public/risk/counts?district=RSKT-D", Map.class).value();

    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.value())
        .containsEntry("stored", false)
        .containsEntry("reports", 2)
        .containsEntry("byCorregimiento", Map.of("RSKT-01", 1, "RSKT-02", 1))
        .containsEntry("droppedColumns", List.of("direccion"));
    assertThat(before.get("total")).isEqualTo(0);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.value()).containsEntry("stored", true);
    assertThat(after.get("total")).isEqualTo(2);
    // One report in each: both withheld, never "1".
    assertThat((List<Map<String, Object>>) after.get("corregimientos"))
        .allSatisfy(
            p -> {
              assertThat(p.get("mark")).isEqualTo("WITHHELD");
              assertThat(p.get("count")).isNull();
            });
    var points =
        api.call(HttpRequest.GET("/api/risk/places").bearerAuth(analyst), List.class).value();
    assertThat(points.toString())
        .contains("RSKT-01")
        .contains("lat=10.05, lon=-69.95")
        .doesNotContain("10.05004")
        .doesNotContain("Casa 4");
  }
}
