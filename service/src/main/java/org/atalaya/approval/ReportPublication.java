package org.atalaya.approval;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.shared.ApiException;

/**
 * What publishing a report means for its figures: it is refused while any of them is provisional (a
 * committee publishes what it has validated; the refusal names the periods to validate first), and
 * once published every indicator period it carries is marked, so that a later change needs a
 * reason.
 */
@Singleton
public class ReportPublication {
  /** How many provisional periods the refusal names before it says "and N more". */
  static final int NAMED = 10;

  private final DataSource dataSource;

  ReportPublication(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One indicator period shown in a report, with whether all its figures are validated. */
  public record Figure(String indicator, LocalDate start, String period, boolean validated) {}

  public void requireValidated(List<Figure> figures) {
    List<String> provisional =
        figures.stream()
            .filter(f -> !f.validated())
            .map(f -> f.indicator() + " " + f.period())
            .distinct()
            .toList();
    if (!provisional.isEmpty()) {
      String named = String.join(", ", provisional.subList(0, Math.min(NAMED, provisional.size())));
      throw ApiException.conflict(
          "figures",
          "approval.provisionalInReport",
          provisional.size(),
          named,
          Math.max(0, provisional.size() - NAMED));
    }
  }

  /** Call in the publishing transaction, after the report row is published. */
  public void published(long reportId, List<Figure> figures) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "INSERT INTO published_period (indicator_id, period_start, report_id)"
                    + " SELECT id, :start, :report FROM indicator WHERE code = :indicator"
                    + " ON CONFLICT DO NOTHING")) {
      for (Figure f : figures) {
        s.setDate("start", f.start()).setLong("report", reportId);
        s.setString("indicator", f.indicator()).addBatch();
      }
      s.executeBatch();
    }
  }
}
