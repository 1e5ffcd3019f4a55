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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One figure, one mark, wherever a person reads it: for a sample of the demo's cells (a count, a
 * rate, a cumulative count and a survey-fed proportion; the district, women, men and
 * corregimientos) the anonymous API, the indicator page, its chart's data table, the 2025 report's
 * PDF and its open data give the same value — or the same "suprimido" — at the report's cut-off.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class OneTruthTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String AS_OF = "2025-12-31";
  static final Locale ES = Locale.forLanguageTag("es-PA");

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;

  record Cell(String code, String sex, String territory) {}

  @BeforeEach
  void signIn() {
    api = new Api(client);
    analyst = api.analystToken();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> figures(Cell c) {
    String q = "?asOf=" + AS_OF + "&sex=" + c.sex();
    if (c.territory() != null) {
      q += "&territory=" + c.territory();
    }
    var reply = api.get("/api/public/indicators/" + c.code() + "/figures" + q, Map.class);
    assertThat(reply.status()).as("%s %s", c, reply.problem()).isEqualTo(200);
    return reply.value();
  }

  private Document page(Cell c) {
    String q = "?corte=" + AS_OF + "&sexo=" + c.sex();
    if (c.territory() != null) {
      q += "&territorio=" + c.territory();
    }
    String html =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/indicadores/" + c.code() + q).header("Accept-Language", "es-PA"));
    return Jsoup.parse(html);
  }

  private List<Cell> sample() {
    List<Cell> cells = new ArrayList<>();
    for (String code : List.of("VD-DENUNCIAS", "HOM-TASA", "CALLES-ILUMINADAS")) {
      cells.add(new Cell(code, "_T", null));
    }
    cells.add(new Cell("PERCEPCION-INSEG", "_T", null));
    cells.add(new Cell("VD-DENUNCIAS", "F", null));
    cells.add(new Cell("VD-DENUNCIAS", "M", null));
    cells.add(new Cell("HOM-TASA", "F", null));
    for (int i = 1; i <= 18; i++) {
      cells.add(new Cell("VD-DENUNCIAS", "_T", String.format("LCH-%02d", i)));
    }
    cells.add(new Cell("HOM-TASA", "_T", "LCH-03"));
    return cells;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOutputGivesTheSameFigureWithTheSameMark() throws IOException {
    String pdf = pdfText(draftFile("informe-es.pdf"));
    List<CSVRecord> open = csv(draftFile("datos.csv"));
    int withheldSeen = 0;
    for (Cell c : sample()) {
      Map<String, Object> api = figures(c);
      String mark = (String) api.get("mark");
      String unit = (String) api.get("unit");
      boolean count = c.code().equals("VD-DENUNCIAS") || c.code().equals("CALLES-ILUMINADAS");
      String expected =
          switch (mark) {
            case "WITHHELD" -> "suprimido";
            case "NO_DATA" -> "sin datos";
            default -> format(((Number) api.get("latest")).doubleValue(), count) + " " + unit;
          };
      withheldSeen += mark.equals("WITHHELD") ? 1 : 0;

      Document page = page(c);
      assertThat(latestOnPage(page)).as("indicator page of %s", c).isEqualTo(expected);
      assertThat(page.text())
          .as("no unvalidated mark in public %s", c)
          .doesNotContain("(provisional)");

      List<Map<String, Object>> series = (List<Map<String, Object>>) api.get("figures");
      List<String> column = trajectoryColumn(page);
      assertThat(column)
          .as("chart table of %s", c)
          .containsExactlyElementsOf(
              series.stream()
                  .map(
                      f ->
                          f.get("mark").equals("WITHHELD")
                              ? "suprimido"
                              : format(((Number) f.get("value")).doubleValue(), count))
                  .toList());

      CSVRecord latest = latestRow(open, c, (String) api.get("territory"));
      if (latest != null) {
        if (mark.equals("WITHHELD")) {
          assertThat(latest.get("OBS_VALUE")).as("open data of %s", c).isEmpty();
          assertThat(latest.get("CONF_STATUS")).isEqualTo("C");
        } else if (!mark.equals("NO_DATA")) {
          assertThat(Double.parseDouble(latest.get("OBS_VALUE")))
              .as("open data of %s", c)
              .isCloseTo(((Number) api.get("latest")).doubleValue(), within(count));
        }
      }
      if (c.sex().equals("_T") && c.territory() == null && !mark.equals("NO_DATA")) {
        String line =
            c.code() + ": último valor " + expected + " (" + period(api.get("latestPeriod")) + ")";
        String status = org.atalaya.shared.Messages.format(ES, "chart.status." + api.get("status"));
        assertThat(pdf)
            .as("report of %s", c)
            .containsPattern(
                java.util.regex.Pattern.quote(line)
                    + "[^\\n]*"
                    + java.util.regex.Pattern.quote(status.split(" ")[0]));
        assertThat(cardRow(c.code()))
            .as("the action card's line for %s", c)
            .contains(expected, status);
      }
      if (c.territory() != null && c.code().equals("VD-DENUNCIAS")) {
        String name =
            (String) api().get("/api/territories/" + c.territory(), Map.class).value().get("name");
        assertThat(pdf)
            .as("report's corregimientos of %s", c)
            .containsPattern(
                "(?m)^ ?"
                    + java.util.regex.Pattern.quote(name)
                    + " (‡ )?"
                    + java.util.regex.Pattern.quote(expected.replace(" " + unit, ""))
                    + " "
                    + java.util.regex.Pattern.quote(period(api.get("latestPeriod"))));
      }
    }
    assertThat(withheldSeen).as("the sample meets the small-count rule").isPositive();
  }

  @Test
  @SuppressWarnings("unchecked")
  void noCountTheOpenDataWithholdsIsReadableOnThePublicSite() throws IOException {
    List<CSVRecord> open = csv(draftFile("datos.csv"));
    Map<String, String> withheld = new HashMap<>();
    for (CSVRecord r : open) {
      if (r.get("INDICATOR").equals("VD-DENUNCIAS")
          && r.get("MEASURE").equals("OBS")
          && r.get("CONF_STATUS").equals("C")) {
        withheld.put(r.get("SEX") + "/" + r.get("TIME_PERIOD"), r.get("REF_AREA"));
      }
    }
    assertThat(withheld).as("the report withholds monthly counts by sex").isNotEmpty();
    for (String sex : List.of("F", "M")) {
      var series =
          (List<Map<String, Object>>) figures(new Cell("VD-DENUNCIAS", sex, null)).get("figures");
      for (Map<String, Object> f : series) {
        if (withheld.containsKey(sex + "/" + f.get("period"))) {
          assertThat(f).as("%s %s", sex, f.get("period")).doesNotContainKey("value");
          assertThat(f.get("mark")).isEqualTo("WITHHELD");
        }
      }
    }
  }

  /** The indicator's line on its action card's page, as the public reads it at the cut-off. */
  @SuppressWarnings("unchecked")
  private String cardRow(String code) {
    Map<String, Object> doc =
        api.call(HttpRequest.GET("/api/indicators/" + code).bearerAuth(analyst), Map.class).value();
    String card = (String) ((Map<String, Object>) doc.get("actionCard")).get("code");
    String html =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/planes/" + PLAN + "/fichas/" + card + "?corte=" + AS_OF)
                    .header("Accept-Language", "es-PA"));
    return Jsoup.parse(html).select("tbody tr").stream()
        .filter(r -> r.select("a[href^=/indicadores/" + code + "]").size() > 0)
        .map(Element::text)
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " is not on its card"));
  }

  @Test
  void aCountsTargetIsNotDrawnAcrossItsCorregimientosButARatesIs() {
    String counts = svg("/indicadores/VD-DENUNCIAS/graficos/territories.svg?corte=" + AS_OF);
    String rates = svg("/indicadores/HOM-TASA/graficos/territories.svg?corte=" + AS_OF);

    // The district's 20 complaints a month is no target for each corregimiento; the rate's is.
    assertThat(counts).doesNotContain("Meta:");
    assertThat(rates).contains("Meta:");
  }

  private String svg(String uri) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET(uri).header("Accept-Language", "es-PA"), String.class);
  }

  private Api api() {
    return api;
  }

  private static org.assertj.core.data.Offset<Double> within(boolean count) {
    return org.assertj.core.data.Offset.offset(count ? 0.0 : 0.001);
  }

  private static String latestOnPage(Document page) {
    Element dt =
        page.select("dt").stream()
            .filter(e -> e.text().equals("Último valor"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no latest value on the page"));
    return dt.nextElementSibling().text();
  }

  /** The trajectory chart's data table, the observed series' column, oldest first. */
  private static List<String> trajectoryColumn(Document page) {
    Element table =
        page.select("table").stream()
            .filter(t -> t.selectFirst("caption") != null)
            .filter(t -> t.selectFirst("caption").text().contains("evolución frente a la meta"))
            .findFirst()
            .orElse(null);
    if (table == null) {
      return List.of();
    }
    List<String> column = new ArrayList<>();
    for (Element row : table.select("tbody tr")) {
      String v = row.select("td").get(1).text();
      if (!v.isBlank() && !v.equals("—")) {
        column.add(v);
      }
    }
    return column;
  }

  private static CSVRecord latestRow(List<CSVRecord> open, Cell c, String area) {
    return open.stream()
        .filter(r -> r.get("INDICATOR").equals(c.code()) && r.get("MEASURE").equals("LATEST"))
        .filter(r -> r.get("SEX").equals(c.sex()) && r.get("REF_AREA").equals(area))
        .findFirst()
        .orElse(null);
  }

  private byte[] draftFile(String file) {
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

  /** The API's period code as the report prints it ("2025-12" → "dic. 2025"). */
  private static String period(Object code) {
    return org.atalaya.shared.Periods.text((String) code, ES);
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (var doc = Loader.loadPDF(pdf)) {
      var stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(doc).replaceAll("[ \\t\\u00a0]+", " ");
    }
  }

  /** The figure as a reader in Panama writes it: whole counts, one decimal otherwise. */
  private static String format(double value, boolean count) {
    NumberFormat f = NumberFormat.getNumberInstance(ES);
    f.setMinimumFractionDigits(count ? 0 : 1);
    f.setMaximumFractionDigits(count ? 0 : 1);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }
}
