package org.atalaya.report;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;

/**
 * A report's files rendered from the current data, labelled as a draft, without publishing
 * anything: for the command line and the benchmark, which run without the web server.
 */
@Singleton
public class ReportExport {
  private final FactsReader facts;

  ReportExport(FactsReader facts) {
    this.facts = facts;
  }

  public record Output(String name, String mediaType, byte[] content) {}

  /** Every file: the report (PDF, HTML) and brochures in both languages, and the open data. */
  public List<Output> all(String plan, String period) throws SQLException {
    var read = facts.read(plan, ReportPeriod.parse(period));
    return ReportFiles.all(read, ReportService.label(null, null)).stream()
        .map(f -> new Output(f.name(), f.mediaType(), f.content()))
        .toList();
  }

  /** One file by name, e.g. {@code informe-es.pdf}; refused when there is no such file. */
  public Output one(String plan, String period, String name) throws SQLException {
    if (!ReportFiles.safe(name)) {
      throw ReportProblems.fileName(name);
    }
    var read = facts.read(plan, ReportPeriod.parse(period));
    var f =
        ReportFiles.one(read, name, ReportService.label(null, null))
            .orElseThrow(() -> ReportProblems.fileNotFound(name));
    return new Output(f.name(), f.mediaType(), f.content());
  }
}
