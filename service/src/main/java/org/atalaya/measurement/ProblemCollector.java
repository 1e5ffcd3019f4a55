package org.atalaya.measurement;

import java.util.ArrayList;
import java.util.List;

/** Counts everything, lists the first problems: memory stays flat on a huge bad file. */
final class ProblemCollector {
  long rows;
  long rejectedRows;
  final List<RowProblem> errors = new ArrayList<>();
  final List<RowProblem> warnings = new ArrayList<>();
  boolean truncated;
  List<Revision> revisions = List.of();

  void error(RowProblem p) {
    add(errors, p);
  }

  void warning(RowProblem p) {
    add(warnings, p);
  }

  private void add(List<RowProblem> list, RowProblem p) {
    if (list.size() < MeasurementIngestion.MAX_LISTED) {
      list.add(p);
    } else {
      truncated = true;
    }
  }

  UploadReport report(
      String file,
      String sheet,
      boolean dryRun,
      boolean committed,
      long inserted,
      long revised,
      long unchanged) {
    long accepted = inserted + revised + unchanged;
    return new UploadReport(
        file,
        sheet,
        dryRun,
        committed,
        rows,
        accepted,
        rejectedRows,
        inserted,
        revised,
        unchanged,
        List.copyOf(errors),
        List.copyOf(warnings),
        truncated,
        revisions);
  }
}
