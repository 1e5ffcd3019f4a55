package org.atalaya.audit;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.CsvWriter;
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
    try (var csv = new CsvWriter(out)) {
      csv.row(header);
      for (AuditReader.Entry e : page.entries()) {
        csv.row(
            e.id(),
            e.at().toString(),
            e.actor(),
            e.action().name(),
            e.entity(),
            e.key(),
            e.before() == null ? null : json.writeValueAsString(e.before()),
            e.after() == null ? null : json.writeValueAsString(e.after()),
            e.reason());
      }
    }
    return out.toString();
  }
}
