package org.atalaya.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/**
 * Reads a file of unsafe places: one row per report with latitude and longitude (WGS84, decimal
 * degrees), kind, source and date. A point that falls in no corregimiento of the district is
 * refused and named by row; any other column (an address, a note) is read past and never kept.
 * Errors name file, row (the header is row 1) and column, in the caller's language.
 */
final class RiskCsv {
  static final int MAX_ROWS = 50_000;

  /** The corregimiento an exact point falls in, if any. */
  @FunctionalInterface
  interface Locate {
    Optional<String> at(double lat, double lon);
  }

  /** A row as it will be stored: already generalised. */
  record Row(
      int line,
      String territory,
      PlaceKind kind,
      ReportSource source,
      LocalDate date,
      GridPoint point) {}

  /** The rows read, and the columns that were in the file but are not kept. */
  record Read(List<Row> rows, List<String> dropped) {}

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("latitud", "latitud"),
          Map.entry("lat", "latitud"),
          Map.entry("latitude", "latitud"),
          Map.entry("longitud", "longitud"),
          Map.entry("lon", "longitud"),
          Map.entry("lng", "longitud"),
          Map.entry("longitude", "longitud"),
          Map.entry("tipo", "tipo"),
          Map.entry("kind", "tipo"),
          Map.entry("fuente", "fuente"),
          Map.entry("source", "fuente"),
          Map.entry("fecha", "fecha"),
          Map.entry("date", "fecha"));

  private RiskCsv() {}

  static Read parse(String file, Reader reader, Locate locate, LocalDate today) throws IOException {
    CSVParser parser;
    try {
      parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .setIgnoreEmptyLines(true)
              .get()
              .parse(withoutBom(reader));
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw ApiException.invalid(file + ":1", "csvSyntax");
    }
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (String header : parser.getHeaderNames()) {
      String canonical = ALIASES.get(header.trim().toLowerCase(Locale.ROOT));
      if (canonical != null) {
        columns.put(canonical, header);
      } else if (!header.isBlank()) {
        dropped.add(header);
      }
    }
    List<FieldError> errors = new ArrayList<>();
    for (String name : List.of("latitud", "longitud", "tipo", "fuente", "fecha")) {
      if (!columns.containsKey(name)) {
        errors.add(new FieldError(file + ":1:" + name, "riskHeader", name));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<Row> rows = new ArrayList<>();
    var records = parser.iterator();
    while (true) {
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          break;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        errors.add(new FieldError(file + ":" + (parser.getCurrentLineNumber() + 1), "csvSyntax"));
        break;
      }
      int line = (int) record.getRecordNumber() + 1;
      if (line > MAX_ROWS + 1) {
        errors.add(new FieldError(file + ":" + line, "riskTooManyRows", MAX_ROWS));
        break;
      }
      Cells cells = new Cells(file, line, record, columns, errors);
      Double lat = cells.degrees("latitud", 90);
      Double lon = cells.degrees("longitud", 180);
      PlaceKind kind = cells.kind();
      ReportSource source = cells.source();
      LocalDate date = cells.date(today);
      if (lat == null || lon == null) {
        continue;
      }
      Optional<String> territory = locate.at(lat, lon);
      if (territory.isEmpty()) {
        errors.add(
            new FieldError(
                file + ":" + line + ":latitud",
                "riskOutside",
                cells.raw("latitud"),
                cells.raw("longitud")));
        continue;
      }
      if (kind != null && source != null && date != null) {
        rows.add(new Row(line, territory.get(), kind, source, date, GridPoint.of(lat, lon)));
      }
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError(file + ":2", "emptyFile"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return new Read(rows, dropped);
  }

  private static Reader withoutBom(Reader reader) throws IOException {
    var in = new BufferedReader(reader, 1 << 16);
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset(); // Excel's "CSV UTF-8" writes a byte-order mark
    }
    return in;
  }

  /** One row's cells; each problem names file:row:column. */
  private record Cells(
      String file,
      int line,
      CSVRecord record,
      Map<String, String> columns,
      List<FieldError> errors) {
    String raw(String column) {
      String header = columns.get(column);
      return record.isMapped(header) && record.isSet(header) ? record.get(header).trim() : "";
    }

    void error(String column, String code, Object... args) {
      errors.add(new FieldError(file + ":" + line + ":" + column, code, args));
    }

    Double degrees(String column, double limit) {
      String text = raw(column);
      if (text.isEmpty()) {
        error(column, "NotBlank");
        return null;
      }
      try {
        double value = Double.parseDouble(text.replace(',', '.'));
        if (Double.isFinite(value) && Math.abs(value) <= limit) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      error(column, "riskDegrees", text, limit);
      return null;
    }

    PlaceKind kind() {
      String text = raw("tipo");
      Optional<PlaceKind> k = PlaceKind.parse(text);
      if (k.isEmpty()) {
        error("tipo", "enumValue", text, PlaceKind.words());
      }
      return k.orElse(null);
    }

    ReportSource source() {
      String text = raw("fuente");
      Optional<ReportSource> s = ReportSource.parse(text);
      if (s.isEmpty()) {
        error("fuente", "enumValue", text, ReportSource.words());
      }
      return s.orElse(null);
    }

    LocalDate date(LocalDate today) {
      String text = raw("fecha");
      try {
        LocalDate d = LocalDate.parse(text);
        if (!d.isAfter(today)) {
          return d;
        }
        error("fecha", "riskFuture", text);
      } catch (DateTimeParseException e) {
        error("fecha", "riskDate", text);
      }
      return null;
    }
  }
}
