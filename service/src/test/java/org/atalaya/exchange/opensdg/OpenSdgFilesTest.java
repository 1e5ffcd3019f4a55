package org.atalaya.exchange.opensdg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * A demo indicator as an Open SDG portal reads it, checked column by column against the layout of
 * the ONS's public sdg-data files (test resources exchange/opensdg, Open Government Licence):
 * {@code Year} first and whole, {@code GeoCode} second from last, {@code Value} last and numeric or
 * blank, the same names for the columns both have, a headline row with every disaggregation blank;
 * and its metadata with the fields the ONS's metadata uses, its target line and progress options.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class OpenSdgFilesTest {
  static final String AS_OF = "2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  private static CSVParser parse(String text) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OpenSdgFilesTest.class.getResourceAsStream("/exchange/opensdg/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String get(String uri) {
    var reply = new Api(client).call(HttpRequest.GET(uri), byte[].class);
    assertThat(reply.status()).as("%s %s", uri, reply.problem()).isEqualTo(200);
    return new String(reply.value(), StandardCharsets.UTF_8);
  }

  @Test
  void theCsvFollowsThePublicSamplesColumnByColumn() throws IOException {
    CSVParser sample = parse(resource("ons-indicator_1-5-1.csv"));
    List<CSVRecord> sampleRows = sample.getRecords();
    CSVParser ours = parse(get("/api/public/opensdg/HOM-TASA/datos.csv?asOf=" + AS_OF));
    List<String> s = sample.getHeaderNames();
    List<String> o = ours.getHeaderNames();
    List<CSVRecord> rows = ours.getRecords();

    assertThat(o.get(0)).isEqualTo(s.get(0)).isEqualTo("Year");
    assertThat(o.get(o.size() - 1)).isEqualTo(s.get(s.size() - 1)).isEqualTo("Value");
    assertThat(o.get(o.size() - 2)).isEqualTo(s.get(s.size() - 2)).isEqualTo("GeoCode");
    assertThat(o).contains("Series", "Sex", "Units", "Observation status");
    assertThat(s).contains("Series", "Sex", "Units", "Observation status");
    assertThat(o).doesNotHaveDuplicates();

    assertThat(rows).isNotEmpty();
    for (List<CSVRecord> table : List.of(sampleRows, rows)) {
      for (CSVRecord r : table) {
        assertThat(r.get("Year")).matches("\\d{4}");
        assertThat(r.get("Value")).matches("|-?\\d+(\\.\\d+)?");
        for (String column : r.getParser().getHeaderNames()) {
          assertThat(r.get(column)).as("no trailing white space").isEqualTo(r.get(column).strip());
        }
      }
    }
    // The sample's first rows are its headline: every disaggregation blank. Ours has one too.
    assertThat(sampleRows.get(0).get("Sex")).isEmpty();
    assertThat(rows).anySatisfy(r -> assertThat(r.get("Sex") + r.get("Corregimiento")).isEmpty());
    // Sex as the ONS's 16.1.1 writes it.
    List<String> sexes =
        parse(resource("ons-indicator_16-1-1.csv")).getRecords().stream()
            .map(r -> r.get("Sex"))
            .distinct()
            .toList();
    assertThat(rows.stream().map(r -> r.get("Sex")).distinct()).isSubsetOf(sexes);
    assertThat(rows).anySatisfy(r -> assertThat(r.get("Sex")).isEqualTo("Female"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get("Corregimiento")).isNotEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWithheldFigureIsBlankAndTheHeadlineMatchesTheFiguresApi() throws IOException {
    List<CSVRecord> rows =
        parse(get("/api/public/opensdg/VD-DENUNCIAS/datos.csv?asOf=" + AS_OF)).getRecords();
    assertThat(rows.get(0).getParser().getHeaderNames()).startsWith("Year", "Period");
    assertThat(rows)
        .filteredOn(r -> r.get("Observation status").equals("Missing value; suppressed"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("Value")).isEmpty());
    Map<String, Object> api =
        new Api(client)
            .get("/api/public/indicators/VD-DENUNCIAS/figures?asOf=" + AS_OF, Map.class)
            .value();
    for (Map<String, Object> f : (List<Map<String, Object>>) api.get("figures")) {
      CSVRecord r =
          rows.stream()
              .filter(x -> x.get("Period").equals(f.get("period")) && x.get("Sex").isEmpty())
              .filter(x -> x.get("Corregimiento").isEmpty())
              .findFirst()
              .orElseThrow(() -> new AssertionError("no headline row for " + f));
      assertThat(Double.parseDouble(r.get("Value")))
          .isEqualTo(((Number) f.get("value")).doubleValue());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theMetadataUsesOpenSdgsFieldsWithTheTargetLine() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    String text = resource("ons-16-1-1.md");
    JsonNode sample = yaml.readTree(text.substring(4, text.lastIndexOf("---")));
    JsonNode ours =
        yaml.readTree(get("/api/public/opensdg/HOM-TASA/metadatos.yml?sdg=16.1.1&asOf=" + AS_OF));
    for (String field :
        List.of(
            "indicator_number",
            "indicator_name",
            "reporting_status",
            "data_non_statistical",
            "national_geographical_coverage",
            "computation_units",
            "graph_type",
            "graph_title",
            "expected_disaggregations")) {
      assertThat(sample.has(field)).as("the sample has %s", field).isTrue();
      assertThat(ours.has(field)).as("ours has %s", field).isTrue();
      assertThat(ours.get(field).getNodeType())
          .as(field)
          .isEqualTo(sample.get(field).getNodeType());
    }
    assertThat(ours.get("indicator_number").asText()).isEqualTo("16.1.1");
    assertThat(ours.get("expected_disaggregations").toString()).contains("Sex", "Corregimiento");
    Map<String, Object> api =
        new Api(client)
            .get("/api/public/indicators/HOM-TASA/figures?asOf=" + AS_OF, Map.class)
            .value();
    double target = ((Number) api.get("target")).doubleValue();
    assertThat(ours.at("/graph_target_lines/0/value").asDouble()).isEqualTo(target);
    assertThat(ours.at("/progress_calculation_options/0/target").asDouble()).isEqualTo(target);
    assertThat(ours.at("/progress_calculation_options/0/direction").asText()).isEqualTo("negative");
    assertThat(ours.get("national_geographical_coverage").asText()).isEqualTo("La Chorrera");
  }
}
