package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.atalaya.shared.ApiException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One sheet of an .xlsx upload, read with POI's streaming (SAX) reader so that a million rows cost
 * no more memory than ten; only the workbook's table of distinct strings is held whole. The first
 * non-empty row is the header (none at all: "emptyFile", as for a CSV); empty rows are skipped.
 * Cells arrive as text: numbers plain ("12", "0.1"), dates as ISO dates, booleans as
 * "true"/"false", formulas as their cached result. A data row is at least as wide as the header, so
 * {@code cells.get(i)} is column i.
 *
 * <p>{@link XlsxPackage} opens the file and maps its failures; {@link XlsxCells} turns the sheet's
 * cells into rows of text.
 */
public final class XlsxRowSource implements RowSource {
  private final String fileName;
  private final XlsxPackage xlsx;
  private final List<String> sheetNames;
  private final int sheetIndex;
  private final boolean date1904;

  /** {@code sheetName} null or blank means the first sheet; case is ignored, as Excel does. */
  public XlsxRowSource(String fileName, Path file, @Nullable String sheetName) {
    this.fileName = fileName;
    this.xlsx = new XlsxPackage(fileName, file);
    Workbook workbook = xlsx.withPackage(XlsxRowSource::workbook);
    this.sheetNames = workbook.sheetNames();
    this.date1904 = workbook.date1904();
    if (sheetNames.isEmpty()) {
      throw ApiException.invalid(fileName, "xlsxCorrupt");
    }
    int index = 0;
    if (sheetName != null && !sheetName.isBlank()) {
      index = -1;
      for (int i = 0; i < sheetNames.size() && index < 0; i++) {
        index = sheetNames.get(i).equalsIgnoreCase(sheetName.strip()) ? i : -1;
      }
      if (index < 0) {
        throw ApiException.invalid(fileName, "xlsxSheet", sheetName, String.join(", ", sheetNames));
      }
    }
    this.sheetIndex = index;
  }

  public List<String> sheetNames() {
    return sheetNames;
  }

  public String sheetUsed() {
    return sheetNames.get(sheetIndex);
  }

  @Override
  public void read(RowConsumer consumer) {
    if (!xlsx.withPackage(
        pkg -> {
          var reader = new XSSFReader(pkg);
          StylesTable styles = reader.getStylesTable();
          var strings = new ReadOnlySharedStringsTable(pkg, false);
          XMLReader parser = XMLHelper.newXMLReader();
          var rows = new XlsxCells(parser, consumer);
          rows.setContentHandler(
              new XSSFSheetXMLHandler(
                  // without a styles part POI would pass numbers through as written ("12.0")
                  styles == null ? new StylesTable() : styles,
                  null,
                  strings,
                  rows,
                  new XlsxCells.PlainFormatter(date1904),
                  false));
          var sheets = reader.getSheetIterator();
          for (int i = 0; i < sheetIndex; i++) {
            sheets.next().close();
          }
          try (InputStream sheet = sheets.next()) {
            rows.parse(new InputSource(sheet));
          }
          return rows.sawHeader();
        })) {
      throw ApiException.invalid(fileName, "emptyFile");
    }
  }

  /** See {@link XlsxCells#plain}. */
  static String plain(double value) {
    return XlsxCells.plain(value);
  }

  private record Workbook(List<String> sheetNames, boolean date1904) {}

  private static Workbook workbook(OPCPackage pkg)
      throws IOException, SAXException, OpenXML4JException, ParserConfigurationException {
    var reader = new XSSFReader(pkg);
    List<String> names = new ArrayList<>();
    var sheets = reader.getSheetIterator();
    while (sheets.hasNext()) {
      sheets.next().close();
      names.add(sheets.getSheetName());
    }
    boolean[] date1904 = {false};
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(
        new DefaultHandler() {
          @Override
          public void startElement(String uri, String name, String qName, Attributes attributes) {
            if ("workbookPr".equals(name)) {
              String value = attributes.getValue("date1904");
              date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
            }
          }
        });
    try (InputStream in = reader.getWorkbookData()) {
      parser.parse(new InputSource(in));
    }
    return new Workbook(List.copyOf(names), date1904[0]);
  }
}
