package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.atalaya.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * One sheet of an .xlsx upload, read with POI's streaming (SAX) reader so that a million rows cost
 * no more memory than ten; only the workbook's table of distinct strings is held whole. The first
 * non-empty row is the header (none at all: "emptyFile", as for a CSV); empty rows are skipped.
 * Cells arrive as text: numbers plain ("12", "0.1"), dates as ISO dates, booleans as
 * "true"/"false", formulas as their cached result. A data row is at least as wide as the header, so
 * {@code cells.get(i)} is column i.
 */
final class XlsxRowSource implements RowSource {
  private static final Logger LOG = LoggerFactory.getLogger(XlsxRowSource.class);
  private static final int MAX_COLUMNS = 16_384; // Excel's own limit (column XFD)
  // Excel keeps 15 significant digits; beyond them a double only carries binary noise (0.1 + 0.2).
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private final String fileName;
  private final Path file;
  private final List<String> sheetNames;
  private final int sheetIndex;
  private final boolean date1904;

  /** {@code sheetName} null or blank means the first sheet; case is ignored, as Excel does. */
  XlsxRowSource(String fileName, Path file, @Nullable String sheetName) {
    this.fileName = fileName;
    this.file = file;
    Workbook workbook = withPackage(XlsxRowSource::workbook);
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

  List<String> sheetNames() {
    return sheetNames;
  }

  String sheetUsed() {
    return sheetNames.get(sheetIndex);
  }

  @Override
  public void read(RowConsumer consumer) {
    if (!withPackage(
        pkg -> {
          var reader = new XSSFReader(pkg);
          StylesTable styles = reader.getStylesTable();
          var strings = new ReadOnlySharedStringsTable(pkg, false);
          XMLReader parser = XMLHelper.newXMLReader();
          var rows = new Rows(parser, consumer);
          rows.setContentHandler(
              new XSSFSheetXMLHandler(
                  // without a styles part POI would pass numbers through as written ("12.0")
                  styles == null ? new StylesTable() : styles,
                  null,
                  strings,
                  rows,
                  new PlainFormatter(date1904),
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

  private interface PackageWork<T> {
    T apply(OPCPackage pkg)
        throws IOException, SAXException, OpenXML4JException, ParserConfigurationException;
  }

  /** Opens the package read-only; whatever POI throws becomes a 422 naming the file. */
  private <T> T withPackage(PackageWork<T> work) {
    refuseOtherFormats();
    ZipSecureFile zip = null;
    OPCPackage pkg = null;
    try {
      // Not OPCPackage.open(File): on a damaged zip it falls back to inflating it all into memory.
      zip = new ZipSecureFile(file.toFile());
      pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
      return work.apply(pkg);
    } catch (ConsumerFailure e) {
      throw e.failure;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no usable SAX parser", e);
    } catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
      LOG.debug("Unreadable workbook {}", fileName, e);
      throw ApiException.invalid(fileName, isZipBomb(e) ? "xlsxTooLarge" : "xlsxCorrupt");
    } finally {
      if (pkg != null) {
        pkg.revert(); // close() on a read-only package logs a warning, then does just this
      } else {
        IOUtils.closeQuietly(zip);
      }
    }
  }

  private void refuseOtherFormats() {
    FileMagic magic;
    try {
      magic = Files.size(file) == 0 ? null : FileMagic.valueOf(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw ApiException.invalid(fileName, "xlsxCorrupt");
    }
    if (magic == null) {
      throw ApiException.invalid(fileName, "emptyFile");
    }
    if (magic == FileMagic.OLE2) {
      throw ApiException.invalid(fileName, ole2Kind());
    }
    if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4) {
      throw ApiException.invalid(fileName, "xlsxOldFormat");
    }
    if (magic != FileMagic.OOXML) {
      throw ApiException.invalid(fileName, "xlsxCorrupt");
    }
  }

  /** Excel saves a password-protected .xlsx inside an OLE2 container, like an old .xls. */
  private String ole2Kind() {
    try (var fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
        return "xlsxEncrypted";
      }
      if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
        return "xlsxOldFormat";
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Unreadable OLE2 file {}", fileName, e);
    }
    return "xlsxCorrupt";
  }

  /** POI's zip-bomb guard throws a plain IOException; only its message tells it apart. */
  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null
          && (message.startsWith("Zip bomb detected")
              || message.contains("potentially malicious"))) {
        return true;
      }
    }
    return false;
  }

  /** A consumer's own exception, carried through the parser untouched. */
  private static final class ConsumerFailure extends RuntimeException {
    final RuntimeException failure;

    ConsumerFailure(RuntimeException failure) {
      super(null, failure, false, false);
      this.failure = failure;
    }
  }

  /**
   * Collects each row's cells and hands non-empty rows on. It also sits in front of POI's sheet
   * handler as an XML filter, only to note each cell's type: POI reports a boolean as "TRUE" and an
   * error as "ERROR:#DIV/0!", just as it would report strings with that text.
   */
  private static final class Rows extends XMLFilterImpl implements SheetContentsHandler {
    private final RowConsumer consumer;
    private final List<String> cells = new ArrayList<>();
    private @Nullable String cellType;
    private int headerWidth = -1;

    Rows(XMLReader parser, RowConsumer consumer) {
      super(parser);
      this.consumer = consumer;
      // the filter stands in for the parser's own; keep POI's refusal of external entities
      setEntityResolver(parser.getEntityResolver());
      setErrorHandler(parser.getErrorHandler());
    }

    @Override
    public void startElement(String uri, String name, String qName, Attributes attributes)
        throws SAXException {
      if ("c".equals(name)) {
        cellType = attributes.getValue("t");
      }
      super.startElement(uri, name, qName, attributes);
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void cell(@Nullable String reference, @Nullable String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : column(reference);
      while (cells.size() < column) {
        cells.add("");
      }
      String text = text(value);
      if (column < cells.size()) {
        cells.set(column, text);
      } else {
        cells.add(text);
      }
    }

    private String text(@Nullable String value) {
      if (value == null) {
        return "";
      }
      if ("b".equals(cellType)) {
        return value.toLowerCase(Locale.ROOT);
      }
      if ("e".equals(cellType) && value.startsWith("ERROR:")) {
        return value.substring("ERROR:".length());
      }
      return strip(value);
    }

    @Override
    public void endRow(int rowNum) {
      int width = cells.size();
      while (width > 0 && cells.get(width - 1).isEmpty()) {
        width--;
      }
      if (width == 0) {
        return;
      }
      var row = new ArrayList<>(cells.subList(0, width));
      if (headerWidth < 0) {
        headerWidth = width;
        deliver(() -> consumer.header(Collections.unmodifiableList(row)));
      } else {
        while (row.size() < headerWidth) {
          row.add("");
        }
        deliver(() -> consumer.row(rowNum + 1L, Collections.unmodifiableList(row)));
      }
    }

    boolean sawHeader() {
      return headerWidth >= 0;
    }

    private static void deliver(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        throw new ConsumerFailure(e);
      }
    }

    /** "AB12" → 27. */
    private static int column(String reference) {
      int column = 0;
      for (int i = 0; i < reference.length(); i++) {
        char c = Character.toUpperCase(reference.charAt(i));
        if (c < 'A' || c > 'Z') {
          break;
        }
        column = column * 26 + (c - 'A' + 1);
        if (column > MAX_COLUMNS) {
          throw new IllegalArgumentException("cell beyond column XFD: " + reference);
        }
      }
      return column - 1;
    }
  }

  /** Trims spaces, including the no-break spaces that text pasted from the web brings. */
  private static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * POI's sheet handler formats every number through this: the stored value, not the format the
   * cell displays, except that a date-formatted number is a date.
   */
  private static final class PlainFormatter extends DataFormatter {
    private final boolean date1904;
    // a format's number means one format throughout a workbook; POI's own check is slow per cell
    private final Map<Integer, Boolean> dateFormats = new HashMap<>();

    PlainFormatter(boolean date1904) {
      this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      boolean isDate =
          dateFormats.computeIfAbsent(
              formatIndex, index -> DateUtil.isADateFormat(index, formatString));
      if (isDate && DateUtil.isValidExcelDate(value)) {
        LocalDateTime when = DateUtil.getLocalDateTime(value, date1904, true);
        if (when != null) {
          return when.toLocalTime().equals(LocalTime.MIDNIGHT)
              ? when.toLocalDate().toString()
              : when.toString();
        }
      }
      return plain(value);
    }
  }

  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value); // also turns -0.0 into "0"
    }
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
  }
}
