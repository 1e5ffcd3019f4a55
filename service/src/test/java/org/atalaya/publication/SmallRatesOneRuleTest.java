package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * One small-count rule for a rate by corregimiento, judged on its events (issue 18): for the demo's
 * homicide rate in 2025, where some corregimientos had one to four homicides, the public figures
 * API (with its progress), each corregimiento's page, the indicator page's rates table, the open
 * data and the report withhold the same corregimientos, and "pocos casos" reads the same numbers on
 * the methodology page, the legend, the rates table and the report.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class SmallRatesOneRuleTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String AS_OF = "2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  @SuppressWarnings("unchecked")
  void everyOutputWithholdsTheSameCorregimientos() throws IOException {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String table = "/api/public/indicators/HOM-TASA/small-areas?asOf=" + AS_OF + "&sex=_T";
    List<Map<String, Object>> open =
        (List<Map<String, Object>>) api.get(table, Map.class).value().get("rows");
    List<Map<String, Object>> staff =
        (List<Map<String, Object>>)
            api.call(HttpRequest.GET(table).bearerAuth(analyst), Map.class).value().get("rows");

    Set<String> withheld = new TreeSet<>();
    for (int i = 0; i < open.size(); i++) {
      String place = (String) open.get(i).get("territory");
      long events = ((Number) staff.get(i).get("events")).longValue();
      if (events >= 1 && events <= 4) {
        assertThat(open.get(i).get("mark"))
            .as("%s: %d homicides", place, events)
            .isEqualTo("WITHHELD");
      }
      if ("WITHHELD".equals(open.get(i).get("mark"))) {
        withheld.add(place);
      }
    }
    assertThat(withheld)
        .as("the demo has corregimientos with 1 to 4 homicides in 2025")
        .isNotEmpty();

    // The public figures API, progress included: no rate, no status for those, and only those.
    for (Map<String, Object> row : open) {
      String place = (String) row.get("territory");
      Map<String, Object> cell =
          api.get(
                  "/api/public/indicators/HOM-TASA/figures?asOf="
                      + AS_OF
                      + "&sex=_T&territory="
                      + place,
                  Map.class)
              .value();
      Map<String, Object> year =
          ((List<Map<String, Object>>) cell.get("figures"))
              .stream()
                  .filter(f -> "2025".equals(f.get("period")))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no 2025 figure for " + place));
      assertThat(year.get("mark")).as("API, %s 2025", place).isEqualTo(mark(withheld, place));
      assertThat(cell.get("mark")).as("API, %s latest", place).isEqualTo(mark(withheld, place));
      if (withheld.contains(place)) {
        assertThat(year).doesNotContainKey("value");
        assertThat(cell.get("latest")).isNull();
        assertThat(cell.get("status")).isNull();
      }
    }

    // A corregimiento's page: its homicide-rate line reads "suprimido" where withheld, and a rate
    // where not (the withheld places and two shown ones, to keep the test quick).
    List<String> pages = new java.util.ArrayList<>(withheld);
    open.stream()
        .map(r -> (String) r.get("territory"))
        .filter(p -> !withheld.contains(p))
        .limit(2)
        .forEach(pages::add);
    for (String place : pages) {
      Document page = html("/corregimientos/" + place + "?corte=" + AS_OF);
      Element line =
          page.select("tbody tr").stream()
              .filter(r -> r.select("a[href^=/indicadores/HOM-TASA]").size() > 0)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no homicide rate on " + place));
      assertThat(line.selectFirst("td.num").text())
          .as("page of %s", place)
          .matches(withheld.contains(place) ? "suprimido" : "(?!suprimido).+");
    }

    // The indicator page's rates table.
    Element rates = html("/indicadores/HOM-TASA?corte=" + AS_OF).selectFirst("table.rates");
    for (int i = 0; i < open.size(); i++) {
      String place = (String) open.get(i).get("territory");
      String events = rates.select("tbody tr").get(i).select("th, td").get(1).text();
      assertThat(events.equals("suprimido"))
          .as("rates table, %s", place)
          .isEqualTo(withheld.contains(place));
    }

    // The open data and the report of 2025.
    Set<String> openData = new TreeSet<>();
    for (CSVRecord r : csv(draftFile(api, analyst, "datos.csv"))) {
      if (r.get("INDICATOR").equals("HOM-TASA")
          && r.get("MEASURE").equals("LATEST")
          && r.get("SEX").equals("_T")
          && r.get("REF_AREA").startsWith("LCH-")) {
        assertThat(r.get("TIME_PERIOD")).isEqualTo("2025");
        if (r.get("CONF_STATUS").equals("C")) {
          assertThat(r.get("OBS_VALUE")).isEmpty();
          openData.add(r.get("REF_AREA"));
        } else {
          assertThat(r.get("OBS_VALUE")).isNotEmpty();
        }
      }
    }
    assertThat(openData).as("open data").isEqualTo(withheld);

    Document report =
        Jsoup.parse(new String(draftFile(api, analyst, "informe-es.html"), StandardCharsets.UTF_8));
    Element reportRates = report.selectFirst("table.rates");
    Set<String> inReport = new TreeSet<>();
    for (int i = 0; i < open.size(); i++) {
      if (reportRates
          .select("tbody tr")
          .get(i)
          .select("th, td")
          .get(1)
          .text()
          .equals("suprimido")) {
        inReport.add((String) open.get(i).get("territory"));
      }
    }
    assertThat(inReport).as("report").isEqualTo(withheld);
  }

  @Test
  void pocosCasosReadsTheSameNumbersWhereverItIsExplained() {
    Api api = new Api(client);
    String rule = "menos de 20 casos o con un coeficiente de variación mayor que 30 %";
    assertThat(html("/metodologia").text()).contains(rule);
    Document indicator = html("/indicadores/HOM-TASA?corte=" + AS_OF);
    assertThat(indicator.selectFirst(".legend").text()).contains(rule);
    assertThat(indicator.text()).contains("«Pocos casos»: una tasa calculada con " + rule);
    Document report =
        Jsoup.parse(
            new String(
                draftFile(api, api.analystToken(), "informe-es.html"), StandardCharsets.UTF_8));
    assertThat(report.text()).contains("«Pocos casos»: una tasa calculada con " + rule);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDemosSmoothedRatesDifferFromPlaceToPlace() {
    Api api = new Api(client);
    Map<String, Object> table =
        api.get("/api/public/indicators/HOM-TASA/small-areas?asOf=" + AS_OF + "&sex=_T", Map.class)
            .value();
    assertThat(table.get("pooled")).isEqualTo(false);
    Set<Double> smoothed = new TreeSet<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) table.get("rows")) {
      if (r.get("smoothed") != null) {
        smoothed.add(Math.round(((Number) r.get("smoothed")).doubleValue() * 10) / 10.0);
      }
    }
    assertThat(smoothed).as("the smoothed map has more than one colour").hasSizeGreaterThan(2);
    assertThat(html("/indicadores/HOM-TASA?corte=" + AS_OF).text())
        .doesNotContain("Sin variación entre corregimientos mayor que la del azar");
  }

  private static String mark(Set<String> withheld, String place) {
    return withheld.contains(place) ? "WITHHELD" : "SHOWN";
  }

  private Document html(String uri) {
    return Jsoup.parse(
        client
            .toBlocking()
            .retrieve(HttpRequest.GET(uri).header("Accept-Language", "es-PA"), String.class));
  }

  private static byte[] draftFile(Api api, String analyst, String file) {
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", PLAN, "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    var reply =
        api.call(
            HttpRequest.GET("/api/reports/" + PLAN + "/2025/1/" + file).bearerAuth(analyst),
            byte[].class);
    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(200);
    return reply.value();
  }

  private static List<CSVRecord> csv(byte[] content) throws IOException {
    String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }
}
