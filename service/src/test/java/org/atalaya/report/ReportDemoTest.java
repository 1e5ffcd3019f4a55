package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo plan's report for 2025, as a PDF a person reads: its headline figures are those of the
 * progress API for the same plan and cut-off date, and a survey cell too small to publish shows the
 * suppression mark, not a figure. Writes the PDF to {@code service/target/report/}.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ReportDemoTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String AS_OF = "2025-12-31";
  static final String SURVEY_INDICATOR = "RPT-INSEG";
  static final Locale ES = Locale.forLanguageTag("es-PA");

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;

  @BeforeEach
  void demoSurveyFeedsAPlanIndicator() {
    api = new Api(client);
    analyst = api.analystToken();
    var existing =
        api.call(
            HttpRequest.GET("/api/indicators/" + SURVEY_INDICATOR).bearerAuth(analyst), Map.class);
    if (existing.status() == 200) {
      return;
    }
    Map<String, Object> indicator = IndicatorFixtures.perceivedInsecurity(SURVEY_INDICATOR);
    indicator.put("actionCard", Map.of("plan", PLAN, "code", "FORT-01"));
    IndicatorFixtures.create(api, analyst, indicator);
    var bound =
        api.call(
            HttpRequest.PUT(
                    "/api/surveys/LCH-PERCEPCION/indicators/" + SURVEY_INDICATOR,
                    Map.of(
                        "indicator",
                        SURVEY_INDICATOR,
                        "item",
                        "inseguro",
                        "kind",
                        "PROPORTION",
                        "value",
                        "1"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(bound.status()).as("%s", bound.problem()).isIn(200, 201);
    String committee = api.committeeToken();
    for (String wave : List.of("2024", "2025")) {
      var validated =
          api.call(
              HttpRequest.POST(
                      "/api/surveys/LCH-PERCEPCION/waves/" + wave + "/validation", Map.of())
                  .bearerAuth(committee),
              Map.class);
      assertThat(validated.status()).as("%s", validated.problem()).isEqualTo(200);
      var published =
          api.call(
              HttpRequest.POST("/api/surveys/LCH-PERCEPCION/waves/" + wave + "/publish", Map.of())
                  .bearerAuth(analyst),
              Map.class);
      assertThat(published.status()).as("%s", published.problem()).isEqualTo(200);
    }
  }

  private byte[] draftFile(String period, String file) {
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", PLAN, "period", period))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    var reply =
        api.call(
            HttpRequest.GET("/api/reports/" + PLAN + "/" + period + "/1/" + file)
                .bearerAuth(analyst),
            byte[].class);
    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(200);
    return reply.value();
  }

  static String text(byte[] pdf) throws IOException {
    try (var doc = Loader.loadPDF(pdf)) {
      var stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(doc).replaceAll("[ \\t\\u00a0]+", " ");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDemoReportShowsTheProgressApisFiguresAndMarksSuppressedCells() throws IOException {
    byte[] pdf = draftFile("2025", "informe-es.pdf");
    Path out = Path.of("target", "report", "informe-demo-2025-es.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    String text = text(pdf);

    Map<String, Object> plan =
        api.call(
                HttpRequest.GET("/api/progress/plans/" + PLAN + "?asOf=" + AS_OF)
                    .bearerAuth(analyst),
                Map.class)
            .value();
    Map<String, Integer> cells =
        (Map<String, Integer>) ((Map<?, ?>) plan.get("progress")).get("cells");
    for (String status : cells.keySet()) {
      int actions = 0;
      for (Map<String, Object> axis : (List<Map<String, Object>>) plan.get("children")) {
        Map<String, Integer> children =
            (Map<String, Integer>) ((Map<?, ?>) axis.get("progress")).get("children");
        actions += children.get(status);
      }
      String label = org.atalaya.shared.Messages.format(ES, "chart.status." + status);
      assertThat(text).contains(label + " " + actions + " " + cells.get(status));
    }

    String summary = text.substring(text.indexOf("Indicadores principales al 31 dic. 2025"));
    List<String> checked = new ArrayList<>();
    for (Map<String, Object> axis : (List<Map<String, Object>>) plan.get("children")) {
      for (Map<String, Object> card : (List<Map<String, Object>>) axis.get("children")) {
        for (Map<String, Object> cell : (List<Map<String, Object>>) card.get("children")) {
          Map<String, Object> latest =
              (Map<String, Object>) ((Map<?, ?>) cell.get("progress")).get("latest");
          if (latest == null) {
            continue;
          }
          String code = (String) cell.get("indicator");
          String kind =
              (String)
                  api.call(
                          HttpRequest.GET("/api/indicators/" + code).bearerAuth(analyst), Map.class)
                      .value()
                      .get("kind");
          String expected = format(((Number) latest.get("value")).doubleValue(), kind);
          int at = summary.indexOf(code + " ");
          assertThat(at).as("%s in the summary", code).isGreaterThanOrEqualTo(0);
          assertThat(summary.substring(at, Math.min(summary.length(), at + 400)))
              .as("latest value of %s", code)
              .contains(expected);
          checked.add(code);
        }
      }
    }
    assertThat(checked).contains("HOM-TASA", "VD-DENUNCIAS", SURVEY_INDICATOR);

    List<Map> surveyCells =
        api.call(HttpRequest.GET("/api/surveys/indicator-cells/" + SURVEY_INDICATOR), List.class)
            .value();
    Map<String, Object> suppressed =
        surveyCells.stream()
            .filter(c -> c.get("wave").equals("2025") && Boolean.TRUE.equals(c.get("suppressed")))
            .filter(c -> c.get("sex").equals("_T") && !c.get("territory").equals("_T"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the demo survey has no suppressed cell"));
    String place =
        (String)
            api.get("/api/territories/" + suppressed.get("territory"), Map.class)
                .value()
                .get("name");
    assertThat(suppressed).doesNotContainKey("value");
    assertThat(text).contains(place + " · Total ‡ suprimido");
    surveyMapTableHasTheEstimatesApisFigures(text);
  }

  /**
   * The survey section maps the question feeding the perception indicator by corregimiento, as the
   * survey page does: its printed table has the public estimates API's figures, withheld
   * corregimientos marked, never a figure (checked on this test's PDF: a draft renders anew on
   * every read).
   */
  @SuppressWarnings("unchecked")
  private void surveyMapTableHasTheEstimatesApisFigures(String text) {
    List<Map<String, Object>> estimates =
        (List<Map<String, Object>>)
            api.get(
                    "/api/surveys/LCH-PERCEPCION/waves/2025/estimates"
                        + "?item=inseguro&value=1&by=territory",
                    Map.class)
                .value()
                .get("cells");
    assertThat(text)
        .contains(": mapa por corregimiento, Ronda 2025")
        .contains("Estimaciones del mapa por corregimiento");
    for (Map<String, Object> c : estimates.subList(1, estimates.size())) {
      var place = ((List<Map<String, Object>>) c.get("domain")).get(0);
      String expected =
          Boolean.TRUE.equals(c.get("suppressed"))
              ? "‡ suprimido"
              : format(100 * ((Number) c.get("estimate")).doubleValue(), "PROP");
      assertThat(text).as("%s", place.get("label")).contains(place.get("label") + " " + expected);
    }
  }

  /** The figure as a reader in Panama writes it: whole counts, one decimal otherwise. */
  static String format(double value, String kind) {
    NumberFormat f = NumberFormat.getNumberInstance(ES);
    int decimals = kind.equals("COUNT") ? 0 : 1;
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  @Test
  void aPeriodWithoutDataGivesAReportThatSaysSo() throws IOException {
    String text = text(draftFile("2028", "informe-es.pdf"));

    assertThat(text).contains("No hay datos registrados para Año 2028");
    assertThat(text).contains("Resumen ejecutivo", "Anexo metodológico");
  }

  @Test
  void theOpenDataFlagSuppressedCellsAndNeverWritesAZeroForThem() {
    String csv = new String(draftFile("2025", "datos.csv"), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();

    assertThat(lines.get(0)).startsWith("PLAN,INDICATOR,INDICATOR_NAME,MEASURE,REF_AREA");
    List<String> withheld = lines.stream().filter(l -> l.contains(",M,C,")).toList();
    assertThat(withheld).isNotEmpty();
    for (String row : withheld) {
      String[] cells = row.split(",", -1);
      assertThat(cells[8]).as("OBS_VALUE of %s", row).isEmpty();
    }
    assertThat(csv).contains(SURVEY_INDICATOR + ",").doesNotContain("microdat");
  }
}
