package org.atalaya.audit;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.atalaya.shared.Messages;

/** A page of the audit log as CSV, headed in the reader's language. */
@Singleton
class AuditCsv {
  private static final List<String> COLUMNS =
      List.of("id", "at", "actor", "action", "entity", "key", "before", "after", "reason");
  private final ObjectMapper json;

  AuditCsv(ObjectMapper json) {
    this.json = json;
  }

  String write(AuditReader.Page page, Locale locale) throws IOException {
    var out = new StringWriter();
    List<String> header = new ArrayList<>();
    for (String column : COLUMNS) {
      header.add(Messages.format(locale, "audit.column." + column));
    }
    try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (AuditReader.Entry e : page.entries()) {
        printer.printRecord(
            e.id(),
            e.at().toString(),
            cell(e.actor()),
            e.action().name(),
            cell(e.entity()),
            cell(e.key()),
            e.before() == null ? "" : cell(json.writeValueAsString(e.before())),
            e.after() == null ? "" : cell(json.writeValueAsString(e.after())),
            e.reason() == null ? "" : cell(e.reason()));
      }
    }
    return out.toString();
  }

  /** A spreadsheet runs a cell that starts like a formula; a leading apostrophe keeps it text. */
  static String cell(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
