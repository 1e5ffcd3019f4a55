package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.atalaya.measurement.RowSource.RowConsumer;
import org.atalaya.measurement.XlsxPackage.ConsumerFailure;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Collects each row's cells and hands non-empty rows on. It also sits in front of POI's sheet
 * handler as an XML filter, only to note each cell's type: POI reports a boolean as "TRUE" and an
 * error as "ERROR:#DIV/0!", just as it would report strings with that text.
 */
final class XlsxCells extends XMLFilterImpl implements SheetContentsHandler {
  private static final int MAX_COLUMNS = 16_384; // Excel's own limit (column XFD)
  // Excel keeps 15 significant digits; beyond them a double only carries binary noise (0.1 + 0.2).
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private final RowConsumer consumer;
  private final List<String> cells = new ArrayList<>();
  private @Nullable String cellType;
  private int headerWidth = -1;

  XlsxCells(XMLReader parser, RowConsumer consumer) {
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
  static final class PlainFormatter extends DataFormatter {
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

  /** A stored number as text: "12" not "12.0", Excel's 15 significant digits, never "1E-7". */
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
