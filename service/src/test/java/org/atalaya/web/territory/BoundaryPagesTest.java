package org.atalaya.web.territory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.BoundaryShape;
import org.atalaya.territory.TerritoryForm;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * Boundaries through the routes, over real HTTP: a file shaped like a statistics office's (RFC
 * 7946: a coastal corregimiento as a MultiPolygon with a lagoon and two islets, an inland one with
 * a hole, properties in another office's naming) is checked without storing anything, confirmed on
 * the page, stored with its pieces, and drawn; files in a projection or of 50 MB are refused with a
 * message that says why.
 */
@MicronautTest(environments = "test", transactional = false)
class BoundaryPagesTest {
  private static final Pattern UPLOAD = Pattern.compile("name=\"carga\" value=\"(\\d+)\"");

  /** Coast to the south: the mainland with a lagoon, and two islets offshore. */
  static final String FILE =
      """
      {"type": "FeatureCollection",
       "features": [
        {"type": "Feature",
         "properties": {"ADM3_PCODE": "PA0810", "ADM3_ES": "Playa Mapas", "codigo": "MAPP-01"},
         "geometry": {"type": "MultiPolygon", "coordinates": [
           [[[-79.80, 8.80], [-79.70, 8.78], [-79.68, 8.86], [-79.75, 8.90], [-79.81, 8.87],
             [-79.80, 8.80]],
            [[-79.76, 8.83], [-79.73, 8.83], [-79.73, 8.85], [-79.76, 8.85], [-79.76, 8.83]]],
           [[[-79.78, 8.74], [-79.76, 8.74], [-79.76, 8.755], [-79.78, 8.755], [-79.78, 8.74]]],
           [[[-79.72, 8.73], [-79.715, 8.73], [-79.715, 8.735], [-79.72, 8.735], [-79.72, 8.73]]]
         ]}},
        {"type": "Feature",
         "properties": {"ADM3_PCODE": "PA0811", "ADM3_ES": "Cerro Mapas"},
         "geometry": {"type": "Polygon", "coordinates": [
           [[-79.75, 8.90], [-79.68, 8.86], [-79.60, 8.90], [-79.65, 8.98], [-79.75, 8.90]],
           [[-79.67, 8.90], [-79.65, 8.90], [-79.65, 8.92], [-79.67, 8.92], [-79.67, 8.90]]]}},
        {"type": "Feature",
         "properties": {"ADM3_PCODE": "PA0899", "ADM3_ES": "Otro Distrito"},
         "geometry": {"type": "Polygon", "coordinates": [
           [[-79.5, 8.9], [-79.4, 8.9], [-79.4, 9.0], [-79.5, 9.0], [-79.5, 8.9]]]}}
       ]}
      """;

  @Inject EmbeddedServer server;
  @Inject TerritoryService territories;
  @Inject BoundaryService boundaries;

  @Inject
  @Client("/")
  HttpClient client;

  private void district() {
    if (territories.find("MAPP-D").isPresent()) {
      return;
    }
    territories.create(
        new TerritoryForm("MAPP-D", "Distrito de Mapas", TerritoryLevel.DISTRICT, null));
    territories.create(
        new TerritoryForm("MAPP-01", "Playa Mapas", TerritoryLevel.CORREGIMIENTO, "MAPP-D"));
    territories.create(
        new TerritoryForm("MAPP-02", "Cerro Mapas", TerritoryLevel.CORREGIMIENTO, "MAPP-D"));
  }

  @Test
  void theApiChecksWithoutStoringAndRefusesOtherProjectionsAndHugeFiles() {
    district();
    var api = new Api(client);
    String analyst = api.analystToken();

    var anonymous =
        api.call(
            HttpRequest.POST("/api/territories/boundaries", FILE)
                .contentType("application/geo+json"),
            Map.class);
    var dry =
        api.call(
            HttpRequest.POST("/api/territories/boundaries?file=pa08.geojson", FILE)
                .contentType("application/geo+json")
                .header("Accept-Language", "es")
                .bearerAuth(analyst),
            Map.class);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.value().toString())
        .contains("territory=MAPP-01")
        .contains("by=código")
        .contains("territoryName=Cerro Mapas")
        .contains("by=nombre")
        .contains("Otro Distrito");
    assertThat(boundaries.childrenOf("MAPP-D")).as("a dry run stores nothing").isEmpty();

    String projected =
        FILE.replace(
            "\"features\"",
            "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32617\"}},"
                + " \"features\"");
    var utm =
        api.call(
            HttpRequest.POST("/api/territories/boundaries?dryRun=false", projected)
                .contentType("application/geo+json")
                .header("Accept-Language", "es")
                .bearerAuth(analyst),
            Map.class);
    assertThat(utm.status()).isEqualTo(422);
    assertThat(String.valueOf(utm.value().get("refused"))).contains("EPSG:32617").contains("WGS84");

    byte[] huge = new byte[50 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    var big =
        api.call(
            HttpRequest.POST("/api/territories/boundaries?dryRun=false", huge)
                .contentType("application/geo+json")
                .header("Accept-Language", "es")
                .bearerAuth(analyst),
            Map.class);
    assertThat(big.status()).isEqualTo(422);
    assertThat(String.valueOf(big.value().get("refused")))
        .startsWith("El archivo pesa 50 MB; el máximo es 20 MB");
    assertThat(boundaries.childrenOf("MAPP-D")).as("nothing stored").isEmpty();
  }

  @Test
  void anAnalystChecksAFileOnThePageConfirmsItAndSeesTheMapDrawn() {
    district();
    new Api(client).analystToken();
    FormClient page = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String form = page.get("/territorios/limites").body();
    Matcher action =
        Pattern.compile("action=\"(/territorios/limites\\?_csrf=[^\"]+)\"").matcher(form);
    assertThat(action.find()).isTrue();

    var checked =
        page.upload(
            action.group(1).replace("&amp;", "&"),
            Map.of(),
            "archivo",
            "pa08.geojson",
            FILE.getBytes(StandardCharsets.UTF_8));

    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.body())
        .contains("Comprobado «pa08.geojson» sin guardar nada. Emparejados: 2; sin territorio: 1")
        .contains("Playa Mapas (MAPP-01)")
        .contains("Otro Distrito")
        .contains("Confirmar e importar");
    assertThat(boundaries.childrenOf("MAPP-D")).as("nothing stored before confirming").isEmpty();
    Matcher upload = UPLOAD.matcher(checked.body());
    assertThat(upload.find()).isTrue();

    var stored =
        page.post(
            "/territorios/limites/confirmar",
            Map.of(
                "_csrf", FormClient.csrf(checked.body()),
                "carga", upload.group(1),
                "fuente", "INEC, prueba"));

    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(stored.body())
        .contains("Límites guardados desde «pa08.geojson». Territorios con contorno nuevo: 2.")
        .contains("/territorios/limites/MAPP-D/mapa.svg")
        .contains("Límites guardados: corregimientos de Distrito de Mapas");
    var shapes = boundaries.childrenOf("MAPP-D");
    assertThat(shapes).extracting(BoundaryShape::code).containsExactly("MAPP-01", "MAPP-02");
    // The mainland, its lagoon and both islets; the inland one and its hole.
    assertThat(shapes).extracting(s -> s.rings().size()).containsExactly(4, 2);
    assertThat(shapes.get(0).source()).isEqualTo("INEC, prueba");

    var svg = page.get("/territorios/limites/MAPP-D/mapa.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.body())
        .contains("id='area-MAPP-01'")
        .contains("id='area-MAPP-02'")
        .contains("Vista previa de los contornos guardados (2)")
        .doesNotContain("0 clases");
    assertThat(new Browser(server.getURI()).get("/territorios/limites").statusCode())
        .as("the public is sent to sign in")
        .isNotEqualTo(200);

    var again =
        page.post(
            "/territorios/limites/confirmar",
            Map.of("_csrf", FormClient.csrf(checked.body()), "carga", upload.group(1)));
    assertThat(again.statusCode()).as("an upload is confirmed once").isEqualTo(404);
  }
}
