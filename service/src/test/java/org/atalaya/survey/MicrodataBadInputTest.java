package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad microdata are refused whole, with every problem named by row, column, value and rule, and the
 * wave keeps what it had; files in Latin-1 or with the data on another sheet are read right.
 */
@MicronautTest(environments = "test")
class MicrodataBadInputTest extends SurveyFixture {
  static final String HEADER =
      "id,peso,estrato,upm,sexo,corregimiento,inseguro,confianza,edad,delitos\n";
  static final String GOOD =
      HEADER
          + "a1,10.5,E1,U1,1,1,1,4,34,robo hurto\n"
          + "a2,12,E1,U2,2,2,2,5,51,\n"
          + "a3,8,E2,U3,2,3,9,99,999,agresion\n";
  String code;

  @BeforeEach
  void survey() {
    code = "PERC-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2025", "2025-06-01", "2025-06-30");
    created(
        put(
            "/api/surveys/" + code + "/mappings/plano",
            Map.of("name", "plano", "respondentId", "id")));
  }

  private org.atalaya.testsupport.Api.Reply<Map> csv(String text) {
    return upload(
        code, "2025", text.getBytes(StandardCharsets.UTF_8), "datos.csv", "&mapping=plano");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> errors(org.atalaya.testsupport.Api.Reply<Map> reply) {
    return (List<Map<String, Object>>) reply.value().get("errors");
  }

  static String where(Map<String, Object> e) {
    return e.get("row") + ":" + e.get("column") + ":" + e.get("rule");
  }

  @Test
  void weightsThatAreNotPositiveNumbersRefuseTheFileAndNameTheirRows() {
    assertThat(csv(GOOD).status()).isEqualTo(200);

    var reply =
        csv(
            HEADER
                + "b1,abc,E1,U1,1,1,1,4,34,\nb2,-3,E1,U1,1,1,1,4,34,\nb3,0,E1,U1,1,1,1,4,34,\nb4,1,E1,U1,1,1,1,4,34,\n");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.value()).containsEntry("committed", false).containsEntry("rejected", 3);
    assertThat(errors(reply))
        .extracting(SurveyFixture::stringOf)
        .containsExactly(
            "2:peso:notNumber:abc", "3:peso:weightPositive:-3", "4:peso:weightPositive:0");
    assertThat(errors(reply).get(1).get("message").toString()).contains("mayor que cero");
    assertThat(respondents(code, "2025")).as("the earlier upload stays").isEqualTo(3);
  }

  @Test
  void aMissingStratumColumnIsNamedInTheCallersLanguage() {
    var reply =
        api.call(
            io.micronaut.http.HttpRequest.POST(
                    "/api/surveys/" + code + "/waves/2025/microdata?file=datos.csv",
                    "id,peso,upm,sexo,corregimiento,inseguro\na1,1,U1,1,1,1\n")
                .contentType("text/csv")
                .header("Accept-Language", "en")
                .bearerAuth(analyst),
            Map.class);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(errors(reply))
        .extracting(MicrodataBadInputTest::where)
        .containsExactly("1:estrato:designColumnMissing");
    assertThat(errors(reply).get(0).get("message"))
        .isEqualTo("the stratum column that the survey design names is missing");
    assertThat(respondents(code, "2025")).isZero();
  }

  @Test
  void aPsuInTwoStrataNamesBothRowsAndStrata() {
    var reply =
        csv(HEADER + "a1,1,E1,U1,1,1,1,4,34,\na2,1,E1,U2,1,1,1,4,34,\na3,1,E2,U1,1,1,1,4,34,\n");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(errors(reply))
        .extracting(MicrodataBadInputTest::where)
        .containsExactly("4:upm:psuTwoStrata");
    assertThat(errors(reply).get(0).get("message").toString())
        .contains("«E1» (fila 2)")
        .contains("«E2»");
  }

  @Test
  void aMappingThatNamesAMissingColumnIsRefusedNamingIt() {
    created(
        put(
            "/api/surveys/" + code + "/mappings/kobo",
            Map.of(
                "name", "kobo", "format", "KOBO", "columns", Map.of("peso", "factor_expansion"))));

    var reply =
        upload(code, "2025", GOOD.getBytes(StandardCharsets.UTF_8), "datos.csv", "&mapping=kobo");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(errors(reply))
        .extracting(SurveyFixture::stringOf)
        .contains("1:factor_expansion:mappedColumnMissing:");
    assertThat(errors(reply).get(0).get("message").toString()).contains("«peso»");
  }

  @Test
  void unmappedCodesRepeatedRespondentsAndValuesOutsideTheLabelsAreAllListed() {
    var reply =
        csv(
            HEADER
                + "a1,1,E1,U1,3,1,1,4,34,robo\n"
                + "a2,1,E1,U1,1,7,1,4,34,\n"
                + "a1,1,E1,U1,1,1,5,4,34,\n"
                + "a4,1,E1,U1,1,1,1,6,treinta,robo moto\n");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(errors(reply))
        .extracting(SurveyFixture::stringOf)
        .containsExactly(
            "2:sexo:unmappedSex:3",
            "3:corregimiento:unmappedTerritory:7",
            "4:id:duplicateId:a1",
            "4:inseguro:outsideLabels:5",
            "5:confianza:outsideLabels:6",
            "5:edad:notNumber:treinta",
            "5:delitos:outsideLabels:moto");
    assertThat(errors(reply).get(2).get("message").toString()).contains("fila 2");
    assertThat(errors(reply).get(3).get("message").toString()).contains("1, 2, 8, 9");
    assertThat(respondents(code, "2025")).isZero();
  }

  @Test
  void aLatin1FileIsReadAsLatin1() {
    String text =
        HEADER.replace("corregimiento", "corregimiento") + "a1,1,E1,U1,2,Barrio Colón,1,4,34,\n";

    var reply =
        upload(
            code,
            "2025",
            text.getBytes(Charset.forName("windows-1252")),
            "datos.csv",
            "&mapping=plano&dryRun=true");

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    assertThat(reply.value())
        .containsEntry("encoding", "windows-1252")
        .containsEntry("accepted", 1);
    @SuppressWarnings("unchecked")
    var preview = (List<Map<String, Object>>) reply.value().get("preview");
    assertThat(preview)
        .singleElement()
        .satisfies(
            p -> assertThat(p).containsEntry("territory", "LCH-02").containsEntry("sex", "F"));
    assertThat(respondents(code, "2025")).as("a dry run stores nothing").isZero();
  }

  @Test
  void anXlsxWithTheDataOnItsSecondSheetIsReadFromThatSheet() throws Exception {
    var reply = upload(code, "2025", workbook(), "datos.xlsx", "&mapping=plano");

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("sheet", "Datos").containsEntry("accepted", 3);
    assertThat(respondents(code, "2025")).isEqualTo(3);
  }

  /** A cover sheet first, as statistics offices publish them, and the data second. */
  private static byte[] workbook() throws Exception {
    try (var book = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var cover = book.createSheet("Portada");
      cover.createRow(0).createCell(0).setCellValue("Encuesta de percepción 2025 — microdatos");
      var data = book.createSheet("Datos");
      String[] lines = GOOD.split("\n");
      for (int r = 0; r < lines.length; r++) {
        var row = data.createRow(r);
        String[] cells = lines[r].split(",", -1);
        for (int c = 0; c < cells.length; c++) {
          Double n = Answers.number(cells[c]);
          if (r > 0 && n != null && c != 0) {
            row.createCell(c).setCellValue(n);
          } else {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
