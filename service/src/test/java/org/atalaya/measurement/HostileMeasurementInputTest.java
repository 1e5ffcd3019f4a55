package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile but honest tester sends: every value the service cannot represent is refused with
 * its row (or element), column and rule in words, before the database — never a 500, and nothing
 * stored.
 */
@MicronautTest(environments = "test")
class HostileMeasurementInputTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String reports;

  @BeforeEach
  void indicator() {
    api = new Api(client);
    analyst = api.analystToken();
    reports = "HOS-" + Long.toString(System.nanoTime(), 36);
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(reports));
  }

  private Api.Reply<Map> csv(String text) {
    return api.call(
        HttpRequest.POST(
                "/api/measurements/upload?file=datos.csv", text.getBytes(StandardCharsets.UTF_8))
            .contentType("text/csv")
            .bearerAuth(analyst),
        Map.class);
  }

  private Api.Reply<Map> json(String body) {
    return api.call(
        HttpRequest.POST("/api/measurements", body.getBytes(StandardCharsets.UTF_8))
            .contentType("application/json")
            .bearerAuth(analyst),
        Map.class);
  }

  private static List<Map> errors(Api.Reply<Map> reply) {
    return (List<Map>) reply.value().get("errors");
  }

  private static List<String> rules(Api.Reply<Map> reply) {
    return errors(reply).stream()
        .map(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("rule"))
        .toList();
  }

  private List<?> stored() {
    return (List<?>)
        api.call(
                HttpRequest.GET("/api/indicators/" + reports + "/series?sex=F&territory=LCH-01")
                    .bearerAuth(analyst),
                Map.class)
            .value()
            .get("points");
  }

  private String row(String period, String value) {
    return reports + "," + period + ",F,LCH-01," + value + "\n";
  }

  @Test
  void numbersThatCannotBeStoredAreRefusedByTheirFormWithRowAndColumn() {
    var reply =
        csv(
            "indicador,periodo,sexo,territorio,valor\n"
                + row("2025-01", "1E+2147483647")
                + row("2025-02", "1E-2147483647")
                + row("2025-03", "1.5f")
                + row("2025-04", "0x1p3")
                + row("2025-05", "NaN")
                + row("2025-06", "Infinity")
                + row("2025-07", "1E+999")
                + row("2025-08", "3"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(rules(reply))
        .containsExactly(
            "2:valor:numberForm",
            "3:valor:numberForm",
            "4:valor:numberForm",
            "5:valor:numberForm",
            "6:valor:numberForm",
            "7:valor:numberForm",
            "8:valor:Digits");
    assertThat(errors(reply).get(0).get("message").toString())
        .startsWith("no es un número que se pueda guardar");
    assertThat(stored()).isEmpty();
  }

  @Test
  void periodsOutsideTheYears1To9999AreRefusedNotAFailure() {
    var reply =
        csv(
            "indicador,periodo,sexo,territorio,valor\n"
                + row("0000-01", "1")
                + row("-0001-01-01", "1")
                + row("+10000-01-01", "1"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(rules(reply))
        .containsExactly(
            "2:periodo:periodFormat", "3:periodo:periodFormat", "4:periodo:periodFormat");
  }

  @Test
  void aNulBytePastTheFirst64KiBIsRefusedWithItsRowAndNothingIsStored() {
    var text = new StringBuilder("indicador,periodo,sexo,territorio,valor\n");
    int rows = 0;
    while (text.length() < 100_000) {
      text.append(reports)
          .append(',')
          .append(1990 + rows / 108)
          .append(rows % 12 < 9 ? "-0" : "-")
          .append(1 + rows % 12)
          .append(",F,LCH-0")
          .append(1 + (rows / 12) % 9)
          .append(",1\n");
      rows++;
    }
    text.append(reports).append(",2025-01,F,LCH-01,1\0\n");
    text.append(row("2025-02", "2"));

    var reply = csv(text.toString());

    assertThat(reply.status()).isEqualTo(422);
    assertThat(errors(reply)).extracting(e -> e.get("rule")).contains("nulByte");
    var nul = errors(reply).stream().filter(e -> e.get("rule").equals("nulByte")).findFirst().get();
    assertThat(nul).containsEntry("row", rows + 2).containsEntry("column", "valor");
    assertThat(nul.get("message").toString()).contains("carácter nulo");
    assertThat(reply.value()).containsEntry("committed", false);
  }

  @Test
  void aDuplicatedHeaderColumnIsRefusedByName() {
    var reply =
        csv(
            "indicador,periodo,sexo,territorio,valor,Valor\n"
                + row("2025-01", "1").trim()
                + ",2\n");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors()).extracting("code").containsExactly("duplicateColumn");
    assertThat(reply.error().errors().get(0).message())
        .isEqualTo("la columna «Valor» aparece dos veces en el encabezado; deje solo una");
  }

  @Test
  void aMegabyteCellIsRefusedCheaplyAndOnlyAShortPrefixIsEchoed() {
    String megabyte = "9".repeat(1_000_000);
    long start = System.nanoTime();

    var reply = csv("indicador,periodo,sexo,territorio,valor\n" + row("2025-01", megabyte));

    assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(rules(reply)).containsExactly("2:valor:cellTooLong");
    assertThat(errors(reply).get(0).get("value").toString()).hasSizeLessThan(60);
    assertThat(errors(reply).get(0).get("message"))
        .isEqualTo("la celda tiene más de 10000 caracteres, el máximo de una celda");
  }

  private String element(String value) {
    return "{\"indicator\":\""
        + reports
        + "\",\"period\":\"2025-01\",\"sex\":\"F\",\"territory\":\"LCH-01\",\"value\":"
        + value
        + "}";
  }

  @Test
  void aJsonBatchIsExactlyOneArrayAndNothingAfterIt() {
    var twoArrays = json("[" + element("1") + "][" + element("2") + "]");
    var junk = json("[" + element("1") + "] garbage");
    var notArray = json(element("1"));

    assertThat(twoArrays.status()).isEqualTo(422);
    assertThat(twoArrays.error().errors()).extracting("code").containsExactly("jsonTrailing");
    assertThat(junk.status()).isEqualTo(422);
    assertThat(junk.error().errors())
        .extracting("code")
        .containsAnyOf("jsonTrailing", "jsonSyntax");
    assertThat(notArray.status()).isEqualTo(422);
    assertThat(notArray.error().errors()).extracting("code").containsExactly("jsonArray");
    assertThat(stored()).isEmpty();
  }

  @Test
  void aJsonBatchNamesTheElementOfEachBadValueAndRefusesBooleansAsNumbers() {
    var reply =
        json(
            "["
                + element("1")
                + ","
                + element("true")
                + ","
                + element("1E+2147483647")
                + ","
                + element("\"doce\"")
                + "]");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(rules(reply))
        .containsExactly("2:value:notNumber", "3:value:numberForm", "4:value:notNumber");
    assertThat(stored()).isEmpty();
  }

  @Test
  void aJsonElementThatIsNotAnObjectOrRepeatsAKeyIsNamedByItsPosition() {
    var notObject = json("[" + element("1") + ",null]");
    var twice = json("[" + element("1") + "," + element("1").replace("}", ",\"value\":2}") + "]");
    var typo = json("[" + element("1") + "," + element("1").replace("}", ",\"valor\":2}") + "]");

    assertThat(notObject.status()).isEqualTo(422);
    assertThat(notObject.error().errors().get(0).message())
        .isEqualTo("el elemento 2 de la lista no es un objeto con los campos de una medición");
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.error().errors().get(0).message())
        .isEqualTo("el elemento 2 de la lista repite el campo «value»; déjelo una sola vez");
    assertThat(typo.status()).isEqualTo(422);
    assertThat(typo.error().errors().get(0).message())
        .isEqualTo("el elemento 2 de la lista tiene el campo «valor», que no es de una medición");
  }
}
