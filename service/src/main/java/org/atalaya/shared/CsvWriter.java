package org.atalaya.shared;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Atalaya writes CSV for people to open. A spreadsheet runs a cell that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return before them) as a
 * formula — {@code =HYPERLINK(…)}, {@code =cmd|' /C calc'!A0} — so such a text cell is written with
 * a leading apostrophe, which keeps it text (OWASP, "CSV Injection"). A number, or a text that is
 * exactly a plain decimal number such as {@code -3.5}, is written as it is, so numeric columns stay
 * numeric. Lines end in {@code \n}; fields are quoted when needed.
 */
public final class CsvWriter implements Closeable {
  private static final String FORMULA_START = "=+-@\t\r";
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");
  private final CSVPrinter printer;

  public CsvWriter(Appendable out) {
    try {
      this.printer =
          new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record; {@code null} is an empty field. */
  public CsvWriter row(Iterable<?> values) {
    try {
      for (Object value : values) {
        printer.print(
            value == null ? "" : value instanceof Number ? value : cell(value.toString()));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public CsvWriter row(Object... values) {
    return row(Arrays.asList(values));
  }

  /** A text cell as a spreadsheet will read it safely. */
  public static String cell(String value) {
    if (value.isEmpty()
        || FORMULA_START.indexOf(value.charAt(0)) < 0
        || PLAIN_NUMBER.matcher(value).matches()) {
      return value;
    }
    return "'" + value;
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
