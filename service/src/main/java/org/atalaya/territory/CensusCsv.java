package org.atalaya.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.CellLimits;

/**
 * Reads a census population table. Two layouts, headers in Spanish or English: long ({@code
 * territorio, anio, sexo, poblacion}) or wide ({@code territorio, anio, hombres, mujeres} with an
 * optional {@code total} that must equal their sum). {@code fuente} is optional. A territory is
 * named by its code or by its exact name. Every problem is reported with its row and column; one
 * problem rejects the whole file.
 */
final class CensusCsv {
  record Row(long territoryId, int year, String sex, long population, String source) {}

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("territorio", "territorio"),
          Map.entry("territory", "territorio"),
          Map.entry("codigo", "territorio"),
          Map.entry("code", "territorio"),
          Map.entry("anio", "anio"),
          Map.entry("ano", "anio"),
          Map.entry("year", "anio"),
          Map.entry("sexo", "sexo"),
          Map.entry("sex", "sexo"),
          Map.entry("poblacion", "poblacion"),
          Map.entry("population", "poblacion"),
          Map.entry("hombres", "hombres"),
          Map.entry("men", "hombres"),
          Map.entry("male", "hombres"),
          Map.entry("mujeres", "mujeres"),
          Map.entry("women", "mujeres"),
          Map.entry("female", "mujeres"),
          Map.entry("total", "total"),
          Map.entry("fuente", "fuente"),
          Map.entry("source", "fuente"));

  /** The width of {@code territory_population.source}. */
  static final int MAX_SOURCE = 400;

  private CensusCsv() {}

  static List<Row> parse(String file, Reader reader, Function<String, Optional<Long>> territories)
      throws IOException {
    var in = new BufferedReader(reader, 1 << 20);
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset(); // no byte-order mark (Excel's "CSV UTF-8" writes one)
    }
    in.mark(1 << 20);
    String firstLine;
    try {
      firstLine = in.readLine();
      in.reset();
    } catch (IOException e) {
      throw ApiException.invalid(file + ":1", "csvSyntax"); // a header longer than 1 MiB
    }
    if (firstLine == null || firstLine.isBlank()) {
      throw ApiException.invalid(file + ":1", "censusEmpty");
    }
    // Spanish-locale spreadsheets export with semicolons.
    char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    CSVParser parser;
    try {
      parser =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(delimiter)
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .get()
              .parse(in);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw ApiException.invalid(file + ":1", "csvSyntax");
    }
    Map<String, String> columns = new HashMap<>();
    for (String header : parser.getHeaderNames()) {
      String canonical = ALIASES.get(normalise(header));
      if (canonical != null) {
        columns.put(canonical, header);
      }
    }
    boolean wide = columns.containsKey("hombres") || columns.containsKey("mujeres");
    List<String> required =
        wide
            ? List.of("territorio", "anio", "hombres", "mujeres")
            : List.of("territorio", "anio", "sexo", "poblacion");
    List<FieldError> errors = new ArrayList<>();
    for (String name : required) {
      if (!columns.containsKey(name)) {
        errors.add(new FieldError(file + ":1:" + name, "censusHeader", name));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
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
      var line = new Line(file, record, columns, errors);
      if (!line.cellsFit()) {
        continue; // what a cell holds is not read past a broken limit
      }
      Optional<Long> territory = line.territory(territories);
      Integer year = line.year();
      String source = line.text("fuente");
      if (source != null && source.length() > MAX_SOURCE) {
        line.error("fuente", "textTooLong", MAX_SOURCE, source.length());
      }
      List<Object[]> values = new ArrayList<>();
      if (wide) {
        Long men = line.count("hombres");
        Long women = line.count("mujeres");
        Long total = line.optionalCount("total");
        if (men != null && women != null && total != null && total != men + women) {
          line.error("total", "censusTotal", total, men + women);
        }
        values.add(new Object[] {"M", men});
        values.add(new Object[] {"F", women});
      } else {
        values.add(new Object[] {line.sex(), line.count("poblacion")});
      }
      for (Object[] v : values) {
        if (territory.isPresent() && year != null && v[0] != null && v[1] != null) {
          String key = territory.get() + "/" + year + "/" + v[0];
          Long previous = seen.putIfAbsent(key, record.getRecordNumber() + 1);
          if (previous != null) {
            line.error("territorio", "censusDuplicate", previous);
          } else {
            rows.add(new Row(territory.get(), year, (String) v[0], (Long) v[1], source));
          }
        }
      }
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError(file + ":2", "censusEmpty"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return rows;
  }

  static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** One data row, reporting problems as file:row:column. Row 1 is the header. */
  private record Line(
      String file, CSVRecord record, Map<String, String> columns, List<FieldError> errors) {
    String text(String column) {
      String header = columns.get(column);
      if (header == null || !record.isMapped(header) || !record.isSet(header)) {
        return null;
      }
      String value = record.get(header);
      return value.isBlank() ? null : value;
    }

    /** Every cell within the limits all uploads share (length, no NUL), each breach reported. */
    boolean cellsFit() {
      List<String> headers = record.getParser().getHeaderNames();
      boolean fit = true;
      for (int i = 0; i < record.size(); i++) {
        String rule = CellLimits.broken(record.get(i));
        if (rule != null) {
          String column = i < headers.size() ? headers.get(i) : Integer.toString(i + 1);
          errors.add(
              new FieldError(
                  file + ":" + (record.getRecordNumber() + 1) + ":" + column,
                  rule,
                  CellLimits.MAX_CELL));
          fit = false;
        }
      }
      return fit;
    }

    void error(String column, String code, Object... args) {
      errors.add(
          new FieldError(
              file
                  + ":"
                  + (record.getRecordNumber() + 1)
                  + ":"
                  + columns.getOrDefault(column, column),
              code,
              args));
    }

    Optional<Long> territory(Function<String, Optional<Long>> territories) {
      String value = text("territorio");
      Optional<Long> id = value == null ? Optional.empty() : territories.apply(value);
      if (id.isEmpty()) {
        error("territorio", "unknownTerritory", shown(value));
      }
      return id;
    }

    Integer year() {
      String value = text("anio");
      try {
        int year = Integer.parseInt(value);
        if (year >= 1900 && year <= 2200) {
          return year;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      error("anio", "censusYear", shown(value));
      return null;
    }

    String sex() {
      String value = text("sexo");
      String code = value == null ? "" : normalise(value);
      return switch (code) {
        case "f", "mujer", "mujeres", "female", "women" -> "F";
        case "m", "hombre", "hombres", "male", "men" -> "M";
        default -> {
          error("sexo", "censusSex", shown(value));
          yield null;
        }
      };
    }

    Long count(String column) {
      String value = text(column);
      Long count = parseCount(value);
      if (count == null) {
        error(column, "censusNumber", shown(value));
      }
      return count;
    }

    private static String shown(String value) {
      return value == null ? "" : CellLimits.prefix(value);
    }

    Long optionalCount(String column) {
      return text(column) == null ? null : count(column);
    }

    private static Long parseCount(String value) {
      if (value == null) {
        return null;
      }
      // Census tables often group thousands: 12 345, 12,345 or 12.345 (but 12,5 is no count).
      boolean grouped = value.matches("\\d{1,3}([.,\\s\u00a0]\\d{3})+");
      String digits = value.replaceAll("[^0-9]", "");
      if ((!value.matches("\\d+") && !grouped) || digits.length() > 12) {
        return null;
      }
      return Long.parseLong(digits);
    }
  }
}
