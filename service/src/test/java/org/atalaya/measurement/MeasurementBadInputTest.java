package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad upload answers precisely, and nothing of it is stored. */
@MicronautTest(environments = "test")
class MeasurementBadInputTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedServer server;

  Api api;
  String analyst;
  String reports;
  String rate;
  String lit;
  String share;

  @BeforeEach
  void indicators() {
    api = new Api(client);
    analyst = api.analystToken();
    String suffix = Long.toString(System.nanoTime(), 36);
    reports = "VDB-" + suffix;
    rate = "HOMB-" + suffix;
    lit = "LUZ-" + suffix;
    share = "INSEG-" + suffix;
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.perceivedInsecurity(share));
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(reports));
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.homicideRate(rate));
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.streetsLit(lit));
  }

  private Api.Reply<Map> upload(byte[] body, String contentType, String file) {
    return api.call(
        HttpRequest.POST("/api/measurements/upload?file=" + file, body)
            .contentType(contentType)
            .bearerAuth(analyst),
        Map.class);
  }

  private Api.Reply<Map> csv(String text) {
    return upload(text.getBytes(StandardCharsets.UTF_8), "text/csv", "datos.csv");
  }

  private static List<String> rules(Api.Reply<Map> reply) {
    return ((List<Map>) reply.value().get("errors"))
        .stream().map(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("rule")).toList();
  }

  @Test
  void eachRowRuleIsReportedWithRowColumnAndRule() {
    String future = LocalDate.now().plusYears(1).getYear() + "-01";
    String text =
        String.join(
            "\n",
            "indicador,periodo,sexo,territorio,valor,numerador,denominador",
            "NO-EXISTE,2025-01,F,LCH-01,1,,",
            reports + ",2025-01,F,ATLANTIS,1,,",
            reports + ",2025-01,Z,LCH-01,1,,",
            reports + ",2025-01-15,F,LCH-01,1,,",
            lit + ",2025-T1,F,LCH,1,,",
            reports + ",2025-01,F,LCH-01,-3,,",
            share + ",2025,F,LCH-01,120,60,50",
            reports + ",2025-01,F,LCH-01,\"12,5\",,",
            reports + ",2025-01,F,LCH-01,doce,,",
            reports + "," + future + ",F,LCH-01,1,,",
            reports + ",2025-02,F,LCH-01,1,,",
            reports + ",2025-02,F,LCH-01,2,,");

    var reply = csv(text);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(rules(reply))
        .containsExactly(
            "2:indicador:unknownIndicator",
            "3:territorio:unknownTerritory",
            "4:sexo:sexCode",
            "5:periodo:periodFormat",
            "6:sexo:notDisaggregated",
            "7:valor:negativeCount",
            "8:numerador:numeratorAboveDenominator",
            "9:valor:decimalComma",
            "10:valor:notNumber",
            "11:periodo:future",
            "13::duplicateRow");
    assertThat(reply.value()).containsEntry("rejected", 11).containsEntry("accepted", 0);
    assertThat(
            (List<?>)
                api.call(
                        HttpRequest.GET(
                                "/api/indicators/" + reports + "/series?sex=F&territory=LCH-01")
                            .bearerAuth(analyst),
                        Map.class)
                    .value()
                    .get("points"))
        .as("the valid row 12 is not stored either")
        .isEmpty();
  }

  @Test
  void partsThatDoNotAddUpAreAWarningNamingTheCells() {
    var reply =
        csv(
            "indicador,periodo,sexo,territorio,valor\n"
                + reports
                + ",2025-01,_T,LCH-12,10\n"
                + reports
                + ",2025-01,F,LCH-12,4\n"
                + reports
                + ",2025-01,M,LCH-12,5\n");

    assertThat(reply.status()).isEqualTo(200);
    assertThat((List<Map>) reply.value().get("warnings"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w).containsEntry("row", 2).containsEntry("rule", "partsSex");
              assertThat(w.get("message"))
                  .isEqualTo("mujeres y hombres suman 9, no el total; filas 3, 4");
            });
  }

  @Test
  void rateNumeratorsAndDenominatorsThatDoNotAddUpAreAWarning() {
    var reply =
        csv(
            "indicador,periodo,sexo,territorio,valor,numerador,denominador\n"
                + rate
                + ",2025-01,_T,LCH-12,12,12,100000\n"
                + rate
                + ",2025-01,F,LCH-12,5.769231,3,52000\n"
                + rate
                + ",2025-01,M,LCH-12,18.75,9,47000\n");

    assertThat((List<Map>) reply.value().get("warnings"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w).containsEntry("row", 2).containsEntry("rule", "partsSexFraction");
              assertThat(w.get("message"))
                  .isEqualTo(
                      "los numeradores y denominadores de mujeres y hombres suman 12 y 99000,"
                          + " no los del total; filas 3, 4");
            });
  }

  @Test
  void emptyHeaderOnlyAndWrongDelimiterFilesAreRefusedClearly() {
    assertThat(csv("").error().errors().get(0).code()).isEqualTo("emptyFile");
    var headerOnly = csv("indicador,periodo,valor\n");
    assertThat(headerOnly.status()).isEqualTo(422);
    assertThat(headerOnly.value()).containsEntry("rows", 0).containsEntry("committed", false);
    assertThat(rules(headerOnly)).containsExactly("2::noRows");
    var tabs = csv("indicador\tperiodo\tvalor\n" + reports + "\t2025-01\t1\n");
    assertThat(tabs.status()).isEqualTo(422);
    assertThat(tabs.error().errors()).extracting("code").containsExactly("delimiter");
  }

  @Test
  void aByteOrderMarkSemicolonsAndWindowsLineEndingsAreRead() {
    var reply =
        csv(
            "\uFEFFIndicador;Período;Sexo;Territorio;Valor\r\n"
                + reports
                + ";2025-03;F;LCH-13;3\r\n");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("inserted", 1);
  }

  @Test
  void aBinaryFileSentAsCsvIsRefused() {
    byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};

    var reply = upload(binary, "text/csv", "foto.csv");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors()).extracting("code").containsExactly("notText");
  }

  @Test
  void anXlsxUploadIsReadFromItsFirstSheetOrTheNamedOne() throws IOException {
    byte[] xlsx = workbook("Resumen", "Datos");

    var first = upload(xlsx, MeasurementController.XLSX, "libro.xlsx");
    var named =
        api.call(
            HttpRequest.POST("/api/measurements/upload?file=libro.xlsx&sheet=Datos", xlsx)
                .contentType(MeasurementController.XLSX)
                .bearerAuth(analyst),
            Map.class);

    assertThat(first.status()).isEqualTo(422);
    assertThat(first.error().errors()).extracting("code").contains("missingColumn", "sheetChosen");
    assertThat(first.error().errors().get(first.error().errors().size() - 1).message())
        .isEqualTo(
            "se leyó la hoja «Resumen»; el libro tiene: Resumen, Datos (elija otra con ?sheet=)");
    assertThat(named.status()).isEqualTo(200);
    assertThat(named.value()).containsEntry("sheet", "Datos").containsEntry("inserted", 2);
  }

  @Test
  void aCorruptXlsxIsRefused() {
    var reply =
        upload(
            "PK\3\4 not really a zip".getBytes(StandardCharsets.UTF_8),
            MeasurementController.XLSX,
            "roto.xlsx");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors()).extracting("code").containsExactly("xlsxCorrupt");
  }

  @Test
  void anUploadAboveTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
    try (var socket = new Socket("localhost", server.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/measurements/upload HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + analyst
                  + "\r\nContent-Type: text/csv\r\n"
                  + "Content-Length: 2147483648\r\n\r\nindicador,periodo,valor\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = read(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void anUploadCutOffMidwayLeavesTheDatabaseAsItWas() throws Exception {
    try (var socket = new Socket("localhost", server.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/measurements/upload?file=cortado.csv HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + analyst
                  + "\r\nContent-Type: text/csv\r\n"
                  + "Content-Length: 10000000\r\n\r\nindicador,periodo,sexo,territorio,valor\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int month = 1; month <= 12; month++) {
        out.write(
            (reports + ",2023-" + String.format("%02d", month) + ",F,LCH-15,1\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      assertThat(waitForCopy(true)).as("the upload reached the database").isTrue();
    }
    assertThat(waitForCopy(false)).as("the upload's transaction ended").isTrue();

    assertThat(
            (List<?>)
                api.call(
                        HttpRequest.GET(
                                "/api/indicators/" + reports + "/series?sex=F&territory=LCH-15")
                            .bearerAuth(analyst),
                        Map.class)
                    .value()
                    .get("points"))
        .isEmpty();
  }

  /**
   * Waits (10 s at most) until an upload's COPY (staging or straight in) is, or is no longer,
   * running.
   */
  private static boolean waitForCopy(boolean running) throws Exception {
    var db = org.atalaya.testsupport.TestDatabaseSession.database();
    try (var c = java.sql.DriverManager.getConnection(db.url, db.username, db.password);
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY measurement%'"
                    + " AND state <> 'idle'")) {
      for (int i = 0; i < 200; i++) {
        try (var rs = s.executeQuery()) {
          rs.next();
          if ((rs.getLong(1) > 0) == running) {
            return true;
          }
        }
        Thread.sleep(50);
      }
    }
    return false;
  }

  private byte[] workbook(String... sheets) throws IOException {
    try (var wb = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      wb.createSheet(sheets[0]).createRow(0).createCell(0).setCellValue("Resumen del trimestre");
      var data = wb.createSheet(sheets[1]);
      String[][] rows = {
        {"indicador", "periodo", "sexo", "territorio", "valor"},
        {reports, "2025-04", "F", "LCH-14", "6"},
        {reports, "2025-04", "M", "LCH-14", "2"}
      };
      for (int r = 0; r < rows.length; r++) {
        var row = data.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (r > 0 && c == 4) {
            row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
          } else {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static String read(InputStream in) throws IOException {
    byte[] buffer = new byte[512];
    int n = in.read(buffer);
    return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
  }
}
