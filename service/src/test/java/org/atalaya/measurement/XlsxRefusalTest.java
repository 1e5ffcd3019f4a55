package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.atalaya.shared.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the reader must refuse, each with the reason a person can act on. */
class XlsxRefusalTest {
  @TempDir Path dir;

  @Test
  void refusesASheetWithoutAHeader() throws IOException {
    Path file = dir.resolve("vacio.xlsx");
    try (var workbook = new XSSFWorkbook()) {
      workbook.createSheet("Vacía").createRow(3).createCell(2).setCellValue("   ");
      XlsxRowSourceTest.write(workbook, file);
    }

    assertRefused(file, "emptyFile");
  }

  @Test
  void refusesFilesThatAreNotWorkbooks() throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    byte[] real = Files.readAllBytes(XlsxRowSourceTest.measurementsWorkbook(dir));
    Path plainZip = dir.resolve("plain.zip");
    try (var zip = new ZipOutputStream(Files.newOutputStream(plainZip))) {
      zip.putNextEntry(new ZipEntry("hola.txt"));
      zip.write("hola".getBytes(StandardCharsets.UTF_8));
    }

    assertRefused(Files.write(dir.resolve("ruido.xlsx"), noise), "xlsxCorrupt");
    assertRefused(
        Files.write(dir.resolve("cortado.xlsx"), Arrays.copyOf(real, real.length / 2)),
        "xlsxCorrupt");
    assertRefused(plainZip, "xlsxCorrupt");
    assertRefused(Files.write(dir.resolve("nada.xlsx"), new byte[0]), "emptyFile");
  }

  @Test
  void refusesAPasswordProtectedWorkbook() throws Exception {
    Path plain = XlsxRowSourceTest.measurementsWorkbook(dir);
    Path file = dir.resolve("clave.xlsx");
    try (var fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secreto");
      try (OutputStream out = encryptor.getDataStream(fs)) {
        Files.copy(plain, out);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }

    assertRefused(file, "xlsxEncrypted");
  }

  @Test
  void refusesAnOldBinaryXls() throws IOException {
    Path file = dir.resolve("viejo.xls");
    try (var workbook = new HSSFWorkbook()) {
      workbook.createSheet("Datos").createRow(0).createCell(0).setCellValue("Territorio");
      XlsxRowSourceTest.write(workbook, file);
    }

    assertRefused(file, "xlsxOldFormat");
  }

  @Test
  void doesNotResolveExternalEntities() throws IOException {
    Path secret = Files.writeString(dir.resolve("secreto.txt"), "contraseña-del-servidor");
    String sheet =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x&xxe;</t></is></c>"
            + "</row></sheetData></worksheet>";
    Path file = withFirstSheet(sheet.getBytes(StandardCharsets.UTF_8), 0);

    var seen = new XlsxRowSourceTest.Recorder();
    try {
      new XlsxRowSource("xxe.xlsx", file, null).read(seen);
    } catch (ApiException refused) {
      assertThat(refused.fieldErrors()).extracting("code").containsExactly("xlsxCorrupt");
    }

    assertThat(seen.headers.toString()).doesNotContain("contraseña");
  }

  @Test
  void refusesAZipBomb() throws IOException {
    String start =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>";
    Path file = withFirstSheet(start.getBytes(StandardCharsets.UTF_8), 50 << 20);

    assertRefused(file, "xlsxTooLarge");
  }

  private static void assertRefused(Path file, String code) {
    assertThatThrownBy(
            () ->
                new XlsxRowSource(file.getFileName().toString(), file, null)
                    .read(new XlsxRowSourceTest.Recorder()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.fieldErrors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo(file.getFileName().toString());
                          assertThat(error.code()).isEqualTo(code);
                        }));
  }

  /**
   * A copy of a real workbook whose first sheet is {@code start} followed by {@code padding}
   * spaces; POI checks the XML only as far as it reads.
   */
  private Path withFirstSheet(byte[] start, int padding) throws IOException {
    Path source = XlsxRowSourceTest.measurementsWorkbook(dir);
    Path file = dir.resolve("cambiado-" + System.nanoTime() + ".xlsx");
    try (var in = new ZipInputStream(Files.newInputStream(source));
        var out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          out.write(start);
          byte[] spaces = new byte[1 << 16];
          Arrays.fill(spaces, (byte) ' ');
          for (int written = 0; written < padding; written += spaces.length) {
            out.write(spaces);
          }
        } else {
          in.transferTo(out);
        }
      }
    }
    return file;
  }
}
