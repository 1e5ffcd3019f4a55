package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.Messages;

/** The upload report as the caller reads it, every problem with a message in their language. */
@Serdeable
public record UploadView(
    String file,
    @Nullable String sheet,
    boolean dryRun,
    boolean committed,
    long rows,
    long accepted,
    long rejected,
    long inserted,
    long revised,
    long unchanged,
    List<Line> errors,
    List<Line> warnings,
    boolean truncated,
    List<Revision> revisions) {

  @Serdeable
  public record Line(long row, String column, String value, String rule, String message) {}

  static UploadView of(UploadReport r, Locale locale) {
    return new UploadView(
        r.file(),
        r.sheet(),
        r.dryRun(),
        r.committed(),
        r.rows(),
        r.accepted(),
        r.rejected(),
        r.inserted(),
        r.revised(),
        r.unchanged(),
        lines(r.errors(), locale),
        lines(r.warnings(), locale),
        r.truncated(),
        r.revisions());
  }

  private static List<Line> lines(List<RowProblem> problems, Locale locale) {
    return problems.stream()
        .map(
            p ->
                new Line(
                    p.row(),
                    p.column(),
                    p.value(),
                    p.rule(),
                    Messages.format(locale, "row." + p.rule(), p.args().toArray())))
        .toList();
  }
}
