package org.atalaya.exchange.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * The demo's open data in SDMX: SDMX-CSV 2.0 that a plain CSV reader reads with the leading
 * STRUCTURE, STRUCTURE_ID and ACTION columns, SDMX-JSON 2.0 that the official schema accepts, the
 * structure beside them, and withheld cells without a number — from the anonymous API and from the
 * report's files, with the same figures the anonymous figures API gives.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class SdmxOpenDataTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String DATA = "/api/public/sdmx/data/" + PLAN + "?asOf=2025-12-31";
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  @Client("/")
  HttpClient client;

  private Api.Reply<byte[]> get(String uri, String accept) {
    return new Api(client).call(HttpRequest.GET(uri).header("Accept", accept), byte[].class);
  }

  static List<CSVRecord> csv(byte[] body) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .getRecords();
  }

  @Test
  void sdmxCsvStartsWithItsStructureAndWithholdsWithoutANumber() throws IOException {
    var reply = get(DATA, "application/vnd.sdmx.data+csv;version=2.0.0");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/vnd.sdmx.data+csv");
    List<CSVRecord> rows = csv(reply.value());
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactly(
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            "INDICATOR",
            "REF_AREA",
            "SEX",
            "AGE",
            "TIME_PERIOD",
            "OBS_VALUE",
            "OBS_STATUS",
            "CONF_STATUS",
            "UNIT_MEASURE",
            "LOWER_BOUND",
            "UPPER_BOUND");
    assertThat(rows).isNotEmpty();
    int withheld = 0;
    for (CSVRecord r : rows) {
      assertThat(r.get("STRUCTURE")).isEqualTo("datastructure");
      assertThat(r.get("STRUCTURE_ID")).isEqualTo("ATALAYA:DSD_SEGURIDAD_CIUDADANA(1.0.0)");
      assertThat(r.get("ACTION")).isEqualTo("I");
      assertThat(r.get("TIME_PERIOD")).matches("\\d{4}(-Q[1-4]|-\\d{2})?");
      if (r.get("CONF_STATUS").equals("C")) {
        withheld++;
        assertThat(r.get("OBS_VALUE")).as("withheld %s", r).isEmpty();
        assertThat(r.get("OBS_STATUS")).isEqualTo("M");
      } else {
        assertThat(Double.parseDouble(r.get("OBS_VALUE"))).isNotNaN();
      }
    }
    assertThat(withheld)
        .as("the demo withholds small counts by sex and corregimiento")
        .isPositive();
    assertThat(rows.stream().map(r -> r.get("SEX"))).contains("_T", "F", "M");
    assertThat(rows.stream().map(r -> r.get("REF_AREA"))).contains("LCH", "LCH-03");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSameFiguresAsTheAnonymousFiguresApi() throws IOException {
    Map<String, CSVRecord> byKey = new HashMap<>();
    for (CSVRecord r : csv(get(DATA, "text/csv").value())) {
      byKey.put(
          String.join(
              ".", r.get("INDICATOR"), r.get("REF_AREA"), r.get("SEX"), r.get("TIME_PERIOD")),
          r);
    }
    for (String q : List.of("sex=F", "sex=M", "sex=_T&territory=LCH-03", "sex=_T")) {
      Map<String, Object> figures =
          new Api(client)
              .get("/api/public/indicators/VD-DENUNCIAS/figures?asOf=2025-12-31&" + q, Map.class)
              .value();
      String sex = (String) figures.get("sex");
      String area = (String) figures.get("territory");
      for (Map<String, Object> f : (List<Map<String, Object>>) figures.get("figures")) {
        CSVRecord r = byKey.get("VD-DENUNCIAS." + area + "." + sex + "." + f.get("period"));
        assertThat(r).as("%s %s", q, f).isNotNull();
        if (f.get("mark").equals("WITHHELD")) {
          assertThat(r.get("CONF_STATUS")).isEqualTo("C");
          assertThat(r.get("OBS_VALUE")).isEmpty();
        } else {
          assertThat(Double.parseDouble(r.get("OBS_VALUE")))
              .as("%s %s", q, f)
              .isEqualTo(((Number) f.get("value")).doubleValue());
        }
      }
    }
  }

  @Test
  void sdmxJsonIsValidAgainstTheOfficialSchemaAndReadsBackTheCsv() throws IOException {
    var reply = get(DATA, "application/vnd.sdmx.data+json;version=2.0.0");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/vnd.sdmx.data+json");
    assertThat(SdmxSchemas.validate(SdmxSchemas.DATA, reply.value())).isEmpty();
    // The schema does refuse: a message without its sender and preparation time is not SDMX-JSON.
    assertThat(SdmxSchemas.validate(SdmxSchemas.DATA, "{\"meta\":{\"id\":\"x\"}}".getBytes()))
        .isNotEmpty();

    // Decode the message as a reader would: indexes into each dimension's values.
    JsonNode msg = JSON.readTree(reply.value());
    JsonNode dims = msg.at("/data/structures/0/dimensions/observation");
    JsonNode confValues = msg.at("/data/structures/0/attributes/observation/1/values");
    Map<String, CSVRecord> csv = new HashMap<>();
    for (CSVRecord r : csv(get(DATA, "text/csv").value())) {
      csv.put(
          String.join(
              ".",
              r.get("INDICATOR"),
              r.get("REF_AREA"),
              r.get("SEX"),
              r.get("AGE"),
              r.get("TIME_PERIOD")),
          r);
    }
    var observations = msg.at("/data/dataSets/0/observations").fields();
    int seen = 0;
    while (observations.hasNext()) {
      var e = observations.next();
      String[] idx = e.getKey().split(":");
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < idx.length; i++) {
        key.append(i == 0 ? "" : ".")
            .append(dims.get(i).get("values").get(Integer.parseInt(idx[i])).get("id").asText());
      }
      CSVRecord r = csv.get(key.toString());
      assertThat(r).as(key.toString()).isNotNull();
      String conf = confValues.get(e.getValue().get(2).asInt()).get("id").asText();
      assertThat(conf).isEqualTo(r.get("CONF_STATUS"));
      if (conf.equals("C")) {
        assertThat(e.getValue().get(0).isNull()).as(key.toString()).isTrue();
      } else {
        assertThat(e.getValue().get(0).asDouble())
            .isEqualTo(Double.parseDouble(r.get("OBS_VALUE")));
      }
      seen++;
    }
    assertThat(seen).isEqualTo(csv.size());
  }

  @Test
  void theStructureIsPublishedBesideTheDataAndValid() throws IOException {
    var reply = get("/api/public/sdmx/structure/" + PLAN, "application/json");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(SdmxSchemas.validate(SdmxSchemas.STRUCTURE, reply.value())).isEmpty();
    JsonNode dsd =
        JSON.readTree(reply.value()).at("/data/dataStructures/0/dataStructureComponents");
    assertThat(dsd.at("/dimensionList/dimensions").findValuesAsText("id"))
        .containsExactly("INDICATOR", "REF_AREA", "SEX", "AGE");
    assertThat(dsd.at("/dimensionList/timeDimension/id").asText()).isEqualTo("TIME_PERIOD");
    assertThat(dsd.at("/attributeList/attributes").findValuesAsText("id"))
        .containsExactly("OBS_STATUS", "CONF_STATUS", "UNIT_MEASURE", "LOWER_BOUND", "UPPER_BOUND");
  }

  @Test
  void theReportsOpenDataCarriesTheSameSdmxFiles() throws IOException {
    Api api = new Api(client);
    String analyst = api.analystToken();
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", PLAN, "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    String base = "/api/reports/" + PLAN + "/2025/1/";
    byte[] json =
        api.call(HttpRequest.GET(base + "datos-sdmx.json").bearerAuth(analyst), byte[].class)
            .value();
    assertThat(SdmxSchemas.validate(SdmxSchemas.DATA, json)).isEmpty();
    byte[] structure =
        api.call(HttpRequest.GET(base + "estructura-sdmx.json").bearerAuth(analyst), byte[].class)
            .value();
    assertThat(SdmxSchemas.validate(SdmxSchemas.STRUCTURE, structure)).isEmpty();
    List<CSVRecord> rows =
        csv(
            api.call(HttpRequest.GET(base + "datos-sdmx.csv").bearerAuth(analyst), byte[].class)
                .value());
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("STRUCTURE")).isEqualTo("datastructure"));
    assertThat(rows)
        .filteredOn(r -> r.get("CONF_STATUS").equals("C"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("OBS_VALUE")).isEmpty());
  }
}
