package org.atalaya.web.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * An analyst records single unsafe places on the demo: by coordinates, stored generalised in the
 * corregimiento they fall in; by corregimiento alone; and a point outside the district is refused
 * in the same words as in a file, storing nothing.
 */
@MicronautTest(environments = "test", transactional = false)
class RiskReportPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private int places(Api api, String token) {
    return api.call(HttpRequest.GET("/api/risk/places").bearerAuth(token), List.class)
        .value()
        .size();
  }

  @Test
  void anAnalystRecordsOnePlaceByCoordinatesOrByCorregimientoAndAPointOutsideIsRefused() {
    Api api = new Api(client);
    String analyst = api.analystToken();
    FormClient page = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    String form = page.get("/mapa-de-riesgo/reportar").body();
    assertThat(form).contains("Registrar un lugar inseguro").contains("Parada de transporte");
    String csrf = FormClient.csrf(form);
    int before = places(api, analyst);

    var outside =
        page.post(
            "/mapa-de-riesgo/reportar",
            Map.of(
                "_csrf",
                csrf,
                "tipo",
                "parque",
                "fecha",
                "2026-03-02",
                "fuente",
                "registro",
                "latitud",
                "8.9000",
                "longitud",
                "-80.5000"));
    assertThat(outside.statusCode()).isEqualTo(422);
    assertThat(outside.body())
        .contains("No se guardó el reporte")
        .contains("queda fuera del distrito");
    assertThat(places(api, analyst)).isEqualTo(before);

    var byPoint =
        page.post(
            "/mapa-de-riesgo/reportar",
            Map.of(
                "_csrf",
                csrf,
                "tipo",
                "parada",
                "fecha",
                "2026-03-02",
                "fuente",
                "recorrido",
                "latitud",
                "8.8781",
                "longitud",
                "-79.7905"));
    assertThat(byPoint.statusCode()).as(byPoint.body()).isEqualTo(200);
    assertThat(byPoint.body()).contains("Reporte guardado en").contains("110 m");

    var byPlace =
        page.post(
            "/mapa-de-riesgo/reportar",
            Map.of(
                "_csrf",
                csrf,
                "tipo",
                "lote",
                "fecha",
                "2026-03-03",
                "fuente",
                "registro",
                "latitud",
                "",
                "longitud",
                "",
                "corregimiento",
                "LCH-13"));
    assertThat(byPlace.statusCode()).as(byPlace.body()).isEqualTo(200);
    assertThat(byPlace.body()).contains("Reporte guardado en Los Díaz");
    assertThat(places(api, analyst)).isEqualTo(before + 2);
  }
}
