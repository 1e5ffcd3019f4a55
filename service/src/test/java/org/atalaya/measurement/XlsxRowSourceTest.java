package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.atalaya.shared.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowSourceTest {
  @TempDir Path dir;

  /** What a consumer saw, rows prefixed with their number. */
  static final class Recorder implements RowSource.RowConsumer {
    final List<List<String>> headers = new ArrayList<>();
    final List<String> rows = new ArrayList<>();

    @Override
    public void header(List<String> cells) {
      headers.add(cells);
    }

    @Override
    public void row(long number, List<String> cells) {
      rows.add(number + ": " + String.join(" | ", cells));
    }
  }

  private static Recorder read(XlsxRowSource source) throws IOException {
    var recorder = new Recorder();
    source.read(recorder);
    return recorder;
  }

  @Test
  void readsCellsAsTheTextAPersonTyped() throws IOException {
    Path file = measurementsWorkbook(dir);

    var source = new XlsxRowSource("datos.xlsx", file, null);
    Recorder seen = read(source);

    assertThat(seen.headers)
        .containsExactly(List.of("Territorio", "Fecha", "Valor", "Nota", "Activo", "Doble"));
    assertThat(seen.rows)
        .containsExactly(
            "2: Barrio Colón | 2024-03-01 | 12 | con espacios | true | 24",
            "3: San Miguelito | 2024-12-31 | 0.1 |  | false | 0.2",
            "5: Arraiján | 2024-06-15T10:30 | 1234567.25 | nota | true | #DIV/0!",
            "6: Chorrera |  | 0.25 | texto |  | 0.3",
            "8: Penonomé |  |  |  |  | ");
  }

  @Test
  void writesNumbersPlainlyToExcelsFifteenDigits() {
    assertThat(XlsxRowSource.plain(-0.0)).isEqualTo("0");
    assertThat(XlsxRowSource.plain(-42)).isEqualTo("-42");
    assertThat(XlsxRowSource.plain(1e20)).isEqualTo("100000000000000000000");
    assertThat(XlsxRowSource.plain(1.5e-7)).isEqualTo("0.00000015");
    assertThat(XlsxRowSource.plain(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(XlsxRowSource.plain(2.0 / 3)).isEqualTo("0.666666666666667");
  }

  @Test
  void readsDatesOfAWorkbookCountedFrom1904() throws IOException {
    Path file = dir.resolve("mac.xlsx");
    try (var workbook = new XSSFWorkbook()) {
      var book = workbook.getCTWorkbook();
      (book.isSetWorkbookPr() ? book.getWorkbookPr() : book.addNewWorkbookPr()).setDate1904(true);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat((short) 14); // built-in "m/d/yy"
      Sheet sheet = workbook.createSheet("Datos");
      sheet.createRow(0).createCell(0).setCellValue("Fecha");
      sheet.createRow(1).createCell(0).setCellValue(LocalDate.of(2024, 3, 1));
      sheet.getRow(1).getCell(0).setCellStyle(date);
      write(workbook, file);
    }

    assertThat(read(new XlsxRowSource("mac.xlsx", file, null)).rows)
        .containsExactly("2: 2024-03-01");
  }

  @Test
  void readsTheFirstSheetUnlessOneIsNamed() throws IOException {
    Path file = dir.resolve("hojas.xlsx");
    try (var workbook = new XSSFWorkbook()) {
      for (String name : List.of("Datos", "Metas", "Notas")) {
        Sheet sheet = workbook.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue("hoja");
        sheet.createRow(1).createCell(0).setCellValue(name);
      }
      write(workbook, file);
    }

    var first = new XlsxRowSource("hojas.xlsx", file, null);
    var named = new XlsxRowSource("hojas.xlsx", file, "metas");

    assertThat(first.sheetNames()).containsExactly("Datos", "Metas", "Notas");
    assertThat(first.sheetUsed()).isEqualTo("Datos");
    assertThat(read(first).rows).containsExactly("2: Datos");
    assertThat(named.sheetUsed()).isEqualTo("Metas");
    assertThat(read(named).rows).containsExactly("2: Metas");
    assertThatThrownBy(() -> new XlsxRowSource("hojas.xlsx", file, "Resumen"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.fieldErrors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo("hojas.xlsx");
                          assertThat(error.code()).isEqualTo("xlsxSheet");
                          assertThat(error.args())
                              .containsExactly("Resumen", "Datos, Metas, Notas");
                        }));
  }

  @Test
  void streamsALongSheet() throws IOException {
    int rows = 200_000;
    Path file = dir.resolve("largo.xlsx");
    try (var workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("Datos");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("Territorio");
      header.createCell(1).setCellValue("Valor");
      for (int i = 1; i <= rows; i++) {
        Row row = sheet.createRow(i);
        row.createCell(0).setCellValue("T" + i);
        row.createCell(1).setCellValue(i + 0.5);
      }
      write(workbook, file);
      workbook.dispose();
    }
    long[] count = {0};
    List<String> firstAndLast = new ArrayList<>();

    new XlsxRowSource("largo.xlsx", file, null)
        .read(
            new RowSource.RowConsumer() {
              @Override
              public void header(List<String> cells) {}

              @Override
              public void row(long number, List<String> cells) {
                count[0]++;
                if (number == 2 || number == rows + 1) {
                  firstAndLast.add(number + ": " + String.join(" | ", cells));
                }
              }
            });

    assertThat(count[0]).isEqualTo(rows);
    assertThat(firstAndLast).containsExactly("2: T1 | 1.5", "200001: T200000 | 200000.5");
  }

  @Test
  void aConsumersOwnExceptionPassesThroughUnchanged() throws IOException {
    var refusal = ApiException.invalid("datos.xlsx:2", "censusHeader");
    var source = new XlsxRowSource("datos.xlsx", measurementsWorkbook(dir), null);

    assertThatThrownBy(
            () ->
                source.read(
                    new RowSource.RowConsumer() {
                      @Override
                      public void header(List<String> cells) {}

                      @Override
                      public void row(long number, List<String> cells) {
                        throw refusal;
                      }
                    }))
        .isSameAs(refusal);
  }

  /**
   * Header, then: strings with accents and spaces, a date, integers and decimals, a boolean, a
   * formula; an empty row; a date-time; errors; a blank cell in the middle; trailing empty rows.
   */
  static Path measurementsWorkbook(Path dir) throws IOException {
    Path file = dir.resolve("datos-" + System.nanoTime() + ".xlsx");
    try (var workbook = new XSSFWorkbook()) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat((short) 22); // built-in "m/d/yy h:mm"
      CellStyle percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
      Sheet sheet = workbook.createSheet("Datos");
      Row header = sheet.createRow(0);
      List<String> names = List.of("Territorio", "Fecha", "Valor", "Nota", "Activo", "Doble");
      for (int i = 0; i < names.size(); i++) {
        header.createCell(i).setCellValue(names.get(i));
      }
      Row colon = sheet.createRow(1);
      colon.createCell(0).setCellValue("Barrio Colón");
      colon.createCell(1).setCellValue(LocalDate.of(2024, 3, 1));
      colon.getCell(1).setCellStyle(date);
      colon.createCell(2).setCellValue(12);
      colon.createCell(3).setCellValue("  con espacios\u00a0");
      colon.createCell(4).setCellValue(true);
      colon.createCell(5).setCellFormula("C2*2");
      Row miguelito = sheet.createRow(2);
      miguelito.createCell(0).setCellValue("San Miguelito");
      miguelito.createCell(1).setCellValue(LocalDate.of(2024, 12, 31));
      miguelito.getCell(1).setCellStyle(date);
      miguelito.createCell(2).setCellValue(0.1);
      miguelito.createCell(4).setCellValue(false); // column D left out
      miguelito.createCell(5).setCellFormula("C3*2");
      sheet.createRow(3).createCell(2).setCellStyle(date); // styled but empty
      Row arraijan = sheet.createRow(4);
      arraijan.createCell(0).setCellValue("Arraiján");
      arraijan.createCell(1).setCellValue(LocalDateTime.of(2024, 6, 15, 10, 30));
      arraijan.getCell(1).setCellStyle(dateTime);
      arraijan.createCell(2).setCellValue(1234567.25);
      arraijan.createCell(3).setCellFormula("\"no\"&\"ta\"");
      arraijan.createCell(4).setCellFormula("C5>0");
      arraijan.createCell(5).setCellFormula("1/0");
      Row chorrera = sheet.createRow(5);
      chorrera.createCell(0).setCellValue("Chorrera");
      chorrera.createCell(2).setCellValue(0.25);
      chorrera.getCell(2).setCellStyle(percent);
      chorrera.createCell(3).setCellValue("texto");
      chorrera.createCell(5).setCellFormula("0.1+0.2");
      sheet.createRow(7).createCell(0).setCellValue("Penonomé"); // shorter than the header
      sheet.createRow(9).createCell(3).setCellValue(" ");
      sheet.createRow(12).createCell(1).setCellStyle(date);
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      write(workbook, file);
    }
    return file;
  }

  static void write(Workbook workbook, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
  }
}
