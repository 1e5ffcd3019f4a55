package org.atalaya.territory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Territories that match the country: a province above a district, an official (INEC) code beside
 * ours that a census table may name units by, and dates of validity in order.
 */
@MicronautTest(environments = "test")
class TerritoryHierarchyTest {
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

  @SuppressWarnings("rawtypes")
  private Api.Reply<Map> post(Map<String, String> body) {
    return api.call(HttpRequest.POST("/api/territories", body).bearerAuth(analyst), Map.class);
  }

  private static Map<String, String> unit(String code, String level, String parent, String inec) {
    Map<String, String> m = new HashMap<>();
    m.put("code", code);
    m.put("name", "Unidad " + code);
    m.put("level", level);
    if (parent != null) {
      m.put("parent", parent);
    }
    if (inec != null) {
      m.put("officialCode", inec);
    }
    return m;
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aProvinceHoldsADistrictWhoseCorregimientoCarriesItsOfficialCodeAndDates() {
    assertThat(post(unit("HP-P", "PROVINCE", null, "H13")).status()).isEqualTo(201);
    assertThat(post(unit("HP-D", "DISTRICT", "HP-P", "H1302")).status()).isEqualTo(201);
    Map<String, String> c = unit("HP-C", "CORREGIMIENTO", "HP-D", "H130201");
    c.put("validFrom", "2023-01-01");
    assertThat(post(c).status()).isEqualTo(201);

    Map detail = api.get("/api/territories/HP-C", Map.class).value();
    assertThat(detail)
        .containsEntry("officialCode", "H130201")
        .containsEntry("parent", "HP-D")
        .containsEntry("validFrom", "2023-01-01");
    assertThat(api.get("/api/territories/HP-D", Map.class).value()).containsEntry("parent", "HP-P");

    // A census table may name the unit by its official code.
    var imported =
        api.call(
            HttpRequest.POST(
                    "/api/territories/population/import?file=censo-inec.csv",
                    "territorio,anio,hombres,mujeres,total\nH130201,2023,510,530,1040\n")
                .contentType("text/csv")
                .bearerAuth(analyst),
            Map.class);
    assertThat(imported.status()).as("%s", imported.problem()).isEqualTo(200);
    List<Map> people =
        (List<Map>) api.get("/api/territories/HP-C", Map.class).value().get("population");
    assertThat(people).extracting(p -> p.get("population")).contains(510, 530);
  }

  @Test
  void aProvinceHasNoParentADuplicateOfficialCodeIsAConflictAndDatesMustBeInOrder() {
    post(unit("HQ-P", "PROVINCE", null, "Q13"));
    var child = post(unit("HQ-X", "PROVINCE", "HQ-P", null));
    assertThat(child.status()).isEqualTo(422);
    assertThat(child.error().errors().get(0).message())
        .isEqualTo("una provincia no depende de otro territorio");

    var twice = post(unit("HQ-D", "DISTRICT", "HQ-P", "Q13"));
    assertThat(twice.status()).isEqualTo(409);

    Map<String, String> backwards = unit("HQ-E", "DISTRICT", null, null);
    backwards.put("validFrom", "2024-01-01");
    backwards.put("validTo", "2023-01-01");
    var refused = post(backwards);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().errors().get(0).message())
        .isEqualTo(
            "la fecha de fin de vigencia (1 ene. 2023) debe ser posterior a la de inicio (1 ene. 2024)");
  }
}
