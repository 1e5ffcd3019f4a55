package org.atalaya.territory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class TerritoryApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    analyst = api.analystToken();
  }

  private Api.Reply<Map> post(String uri, Object body) {
    return api.call(HttpRequest.POST(uri, body).bearerAuth(analyst), Map.class);
  }

  private Api.Reply<Map> importCsv(String file, String csv) {
    return api.call(
        HttpRequest.POST("/api/territories/population/import?file=" + file, csv)
            .contentType("text/csv")
            .bearerAuth(analyst),
        Map.class);
  }

  @Test
  void theDemoDistrictHasItsEighteenCorregimientosWithIllustrativePopulations() {
    Map district = api.get("/api/territories/LCH", Map.class).value();

    assertThat(district).containsEntry("name", "La Chorrera").containsEntry("level", "DISTRICT");
    assertThat((List<?>) district.get("children")).hasSize(18);
    List<Map> population = (List<Map>) district.get("population");
    assertThat(population)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.get("illustrative")).isEqualTo(true));
    assertThat(api.get("/api/territories", List.class).value())
        .extracting(t -> ((Map<?, ?>) t).get("name"))
        .contains("Barrio Balboa", "Barrio Colón", "Feuillet", "Playa Leona", "Santa Rita");
  }

  @Test
  void aCensusTableInTheWideLayoutIsLoadedByNameWithAccents() {
    post(
        "/api/territories", Map.of("code", "CEN-D", "name", "Distrito Censo", "level", "DISTRICT"));
    post(
        "/api/territories",
        Map.of(
            "code",
            "CEN-C1",
            "name",
            "Peñas Blancas",
            "level",
            "CORREGIMIENTO",
            "parent",
            "CEN-D"));

    var reply =
        importCsv(
            "censo-2023.csv",
            "Territorio,Año,Hombres,Mujeres,Total\n"
                + "penas blancas,2023,\"1,204\",1 310,2514\n"
                + "CEN-D,2023,1204,1310,2514\n");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("rows", 4).containsEntry("territories", 2);
    List<Map> population =
        (List<Map>) api.get("/api/territories/CEN-C1", Map.class).value().get("population");
    assertThat(population)
        .extracting(p -> p.get("sex") + "=" + p.get("population"))
        .containsExactly("F=1310", "M=1204");
  }

  @Test
  void aBadCensusRowRejectsTheWholeFileNamingFileRowAndColumn() {
    post("/api/territories", Map.of("code", "CEN-X", "name", "Distrito X", "level", "DISTRICT"));

    var reply =
        importCsv(
            "censo-malo.csv",
            "territorio,anio,sexo,poblacion\n"
                + "CEN-X,2023,F,500\n"
                + "CEN-X,2023,Z,-4\n"
                + "NOWHERE,2023,M,100\n");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting("field", "code")
        .contains(
            org.assertj.core.groups.Tuple.tuple("censo-malo.csv:3:sexo", "censusSex"),
            org.assertj.core.groups.Tuple.tuple("censo-malo.csv:3:poblacion", "censusNumber"),
            org.assertj.core.groups.Tuple.tuple("censo-malo.csv:4:territorio", "unknownTerritory"));
    assertThat((List<?>) api.get("/api/territories/CEN-X", Map.class).value().get("population"))
        .isEmpty();
  }

  @Test
  void aCorregimientoMustHangFromADistrict() {
    var orphan =
        post(
            "/api/territories",
            Map.of("code", "ORPH", "name", "Huérfano", "level", "CORREGIMIENTO"));
    var wrongParent =
        post(
            "/api/territories",
            Map.of("code", "BAR-1", "name", "Barrio", "level", "BARRIO", "parent", "LCH"));
    var unknownParent =
        post(
            "/api/territories",
            Map.of("code", "BAR-2", "name", "Barrio", "level", "BARRIO", "parent", "NOPE"));

    assertThat(orphan.status()).isEqualTo(422);
    assertThat(wrongParent.error().errors().get(0).message())
        .isEqualTo("un territorio de nivel BARRIO debe depender de uno de nivel CORREGIMIENTO");
    assertThat(unknownParent.error().errors().get(0).code()).isEqualTo("unknownTerritory");
  }

  @Test
  void duplicateCodesAndDeletingAUsedTerritoryAreConflicts() {
    var duplicate =
        post("/api/territories", Map.of("code", "LCH", "name", "Otra", "level", "DISTRICT"));
    var delete =
        api.call(HttpRequest.DELETE("/api/territories/LCH").bearerAuth(analyst), Map.class);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(api.get("/api/territories/LCH", Map.class).status()).isEqualTo(200);
  }

  @Test
  void populationCanBeSetForOneTerritoryAndYear() {
    post("/api/territories", Map.of("code", "POP-D", "name", "Distrito Pob", "level", "DISTRICT"));

    var reply =
        api.call(
            HttpRequest.PUT(
                    "/api/territories/POP-D/population",
                    List.of(
                        Map.of("year", 2024, "sex", "F", "population", 5100, "source", "INEC"),
                        Map.of("year", 2024, "sex", "M", "population", 4900, "source", "INEC")))
                .bearerAuth(analyst),
            List.class);
    var bad =
        api.call(
            HttpRequest.PUT(
                    "/api/territories/POP-D/population",
                    List.of(Map.of("year", 1800, "sex", "X", "population", -1)))
                .bearerAuth(analyst),
            List.class);

    assertThat(reply.value()).hasSize(2);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.error().errors()).hasSize(3);
  }
}
