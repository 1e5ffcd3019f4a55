package org.atalaya.exchange.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DHIS2's own sample files (dhis2-core's tests, copied with attribution under
 * src/test/resources/exchange/dhis2) imported through a mapping: the answer is DHIS2's import
 * summary, a second import of the same file changes nothing, an unmapped data element, a period of
 * another frequency or a six-month period is a conflict naming its row, and any conflict or a dry
 * run stores nothing.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class Dhis2ImportTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  static int created;

  @BeforeEach
  void indicators() {
    api = new Api(client);
    analyst = api.analystToken();
    if (created++ == 0) {
      for (String code : List.of("DHIS-A", "DHIS-B", "DHIS-C")) {
        IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
      }
    }
  }

  private static byte[] sample(String name) throws IOException {
    try (InputStream in = Dhis2ImportTest.class.getResourceAsStream("/exchange/dhis2/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] mapping(String dataElements) {
    return ("{\"dataElements\": {"
            + dataElements
            + "},"
            + " \"categoryOptionCombos\": {\"Age_category=under555555;Sex_category=FFFFFFFFFFF\": \"F\","
            + " \"Age_category=under555555;Sex_category=MMMMMMMMMMM\": \"M\"},"
            + " \"orgUnits\": {\"DiszpKrYNg8\": \"LCH-05\", \"BdfsJfj87js\": \"LCH-03\","
            + " \"123\": \"LCH-03\", \"456\": \"LCH-05\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Api.Reply<Map> send(String file, byte[] content, byte[] mapping, boolean dryRun) {
    var body =
        MultipartBody.builder()
            .addPart("mapping", "mapping.json", MediaType.APPLICATION_JSON_TYPE, mapping)
            .addPart("file", file, MediaType.TEXT_PLAIN_TYPE, content)
            .build();
    return api.call(
        HttpRequest.POST("/api/imports/dhis2?dryRun=" + dryRun, body)
            .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
            .header("Accept-Language", "es-PA")
            .bearerAuth(analyst),
        Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> count(Api.Reply<Map> reply) {
    return (Map<String, Object>) reply.value().get("importCount");
  }

  @Test
  @SuppressWarnings("unchecked")
  void dhis2sCsvSampleImportsOnceAndThenChangesNothing() throws IOException {
    byte[] map =
        mapping(
            "\"f7n9E0hX8qk\": \"DHIS-A\", \"Ix2HsbDMLea\": \"DHIS-B\", \"eY5ehpbEsB7\": \"DHIS-C\"");
    var dry = send("dataValueSetB.csv", sample("dataValueSetB.csv"), map, true);
    assertThat(dry.status()).as("%s", dry.body()).isEqualTo(200);
    assertThat(dry.value().get("dryRun")).isEqualTo(true);
    assertThat(count(dry).get("imported")).isEqualTo(12);

    var first = send("dataValueSetB.csv", sample("dataValueSetB.csv"), map, false);
    assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
    assertThat(first.value().get("responseType")).isEqualTo("ImportSummary");
    assertThat(first.value().get("status")).isEqualTo("SUCCESS");
    assertThat(count(first)).containsEntry("imported", 12).containsEntry("updated", 0);
    assertThat((List<Object>) first.value().get("conflicts")).isEmpty();

    var again = send("dataValueSetB.csv", sample("dataValueSetB.csv"), map, false);
    assertThat(count(again))
        .containsEntry("imported", 0)
        .containsEntry("updated", 0)
        .containsEntry("ignored", 12);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anUnmappedDataElementIsAConflictAndNothingIsStored() throws IOException {
    // dataValueSetJ.json: one value of f7n9E0hX8qk for January 2012, in JSON.
    byte[] onlyA = mapping("\"f7n9E0hX8qk\": \"DHIS-A\"");
    var json = send("dataValueSetJ.json", sample("dataValueSetJ.json"), onlyA, true);
    assertThat(json.status()).as("%s", json.body()).isEqualTo(200);
    assertThat(count(json).get("imported")).isIn(0, 1);

    var reply = send("dataValueSetB.csv", sample("dataValueSetB.csv"), onlyA, false);
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.value().get("status")).isEqualTo("ERROR");
    assertThat(reply.value().get("description"))
        .isEqualTo("Importación rechazada: no se guardó nada");
    assertThat(count(reply)).containsEntry("imported", 0).containsEntry("ignored", 12);
    List<Map<String, Object>> conflicts =
        (List<Map<String, Object>>) reply.value().get("conflicts");
    assertThat(conflicts).hasSize(8);
    assertThat(conflicts.get(0))
        .containsEntry("object", "Ix2HsbDMLea")
        .containsEntry("property", "dataElement")
        .containsEntry(
            "value",
            "Fila 6: el elemento de datos «Ix2HsbDMLea» no tiene indicador en la correspondencia");
  }

  @Test
  @SuppressWarnings("unchecked")
  void adxPeriodsOfAnotherFrequencyAndSixMonthsAreConflicts() throws IOException {
    var reply =
        send(
            "importA.adx.xml",
            sample("importA.adx.xml"),
            mapping("\"Malaria numeric\": \"DHIS-A\""),
            false);
    assertThat(reply.status()).isEqualTo(409);
    List<Map<String, Object>> conflicts =
        (List<Map<String, Object>>) reply.value().get("conflicts");
    assertThat(conflicts.stream().map(c -> (String) c.get("value")))
        .contains(
            "Fila 8: el periodo «2021-01-01/P3M» no es de la frecuencia del indicador",
            "Fila 5: el elemento de datos «Malaria text» no tiene indicador en la correspondencia",
            "Fila 3: la combinación de categorías «FOver555555» no tiene sexo en la correspondencia");

    byte[] semester =
        "{\"dataValues\":[{\"dataElement\":\"f7n9E0hX8qk\",\"period\":\"2025S1\",\"orgUnit\":\"DiszpKrYNg8\",\"value\":\"3\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    var six = send("semestre.json", semester, mapping("\"f7n9E0hX8qk\": \"DHIS-A\""), false);
    assertThat(six.status()).isEqualTo(409);
    assertThat(((List<Map<String, Object>>) six.value().get("conflicts")).get(0).get("value"))
        .isEqualTo(
            "Fila 1: el semestre «2025S1» no es un periodo de ningún indicador del observatorio (anual, trimestral o mensual)");
  }
}
