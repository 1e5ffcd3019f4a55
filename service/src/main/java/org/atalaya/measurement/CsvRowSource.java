package org.atalaya.measurement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.shared.ApiException;

/**
 * A CSV upload read as a stream: UTF-8 (a byte-order mark is skipped), comma or semicolon separated
 * (guessed from the header), any line ending. A file that is not text is refused.
 */
public final class CsvRowSource implements RowSource {
  private static final int HEADER_LIMIT = 1 << 16;
  private final String file;
  private final InputStream in;

  public CsvRowSource(String file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  @Override
  public void read(RowConsumer consumer) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var reader =
        new BufferedReader(new QuoteGuard(new InputStreamReader(in, decoder)), HEADER_LIMIT * 2);
    String header = firstLine(reader);
    char delimiter = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    CSVParser parser;
    try {
      parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader);
    } catch (IOException | UncheckedIOException e) {
      throw ApiException.invalid(file + ":1", "csvSyntax");
    }
    boolean first = true;
    var rows = parser.iterator();
    while (true) {
      CSVRecord record;
      try {
        if (!rows.hasNext()) {
          break;
        }
        record = rows.next();
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof CharacterCodingException) {
          throw ApiException.invalid(file, "notText");
        }
        if (e.getCause() instanceof CSVException
            || e.getCause() instanceof QuoteGuard.RunawayQuote) {
          throw ApiException.invalid(file + ":" + (parser.getCurrentLineNumber() + 1), "csvSyntax");
        }
        throw e.getCause(); // the request itself failed: cut short, or past the size limit
      }
      List<String> cells = new ArrayList<>(record.size());
      // Trimmed as before, except a cell holding a NUL byte: trimming would drop one at the edge
      // silently, and the consumer refuses it wherever it is (CellLimits).
      record.forEach(c -> cells.add(c.indexOf('\0') >= 0 ? c : c.trim()));
      if (first) {
        if (!cells.isEmpty()) {
          cells.set(0, cells.get(0).replace("\uFEFF", ""));
        }
        consumer.header(cells);
        first = false;
      } else if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
        consumer.row(record.getRecordNumber(), cells);
      }
    }
    if (first) {
      throw ApiException.invalid(file, "emptyFile");
    }
  }

  /** Peeks at the header to guess the separator and to refuse binary files early. */
  private String firstLine(BufferedReader reader) throws IOException {
    reader.mark(HEADER_LIMIT);
    char[] buffer = new char[HEADER_LIMIT];
    int n;
    try {
      n = reader.read(buffer, 0, HEADER_LIMIT);
    } catch (CharacterCodingException e) {
      throw ApiException.invalid(file, "notText");
    }
    reader.reset();
    if (n <= 0) {
      throw ApiException.invalid(file, "emptyFile");
    }
    String start = new String(buffer, 0, n);
    if (start.indexOf('\0') >= 0) {
      throw ApiException.invalid(file, "notText");
    }
    int end = start.indexOf('\n');
    return end < 0 ? start : start.substring(0, end);
  }
}
