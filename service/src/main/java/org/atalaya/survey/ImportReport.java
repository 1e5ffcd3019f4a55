package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.shared.Messages;

/**
 * What a microdata upload did or, in a dry run, would do: rows read, accepted and rejected, every
 * problem with its row, column, value, rule and a message in the caller's language, the sheet and
 * the text encoding actually read, the variables stored and the columns left unread (meta columns
 * such as _uuid, or anything the mapping does not name), and in a dry run the first respondents.
 */
@Serdeable
public record ImportReport(
    String file,
    @Nullable String sheet,
    @Nullable String encoding,
    boolean dryRun,
    boolean committed,
    long rows,
    long accepted,
    long rejected,
    List<String> variables,
    List<String> ignoredColumns,
    List<Line> errors,
    List<Line> warnings,
    boolean truncated,
    List<Preview> preview) {

  @Serdeable
  public record Line(long row, String column, String value, String rule, String message) {}

  @Serdeable
  public record Preview(
      long row,
      String respondent,
      List<Double> weights,
      @Nullable String stratum,
      @Nullable String psu,
      @Nullable String sex,
      @Nullable String territory,
      @Nullable String ageGroup,
      Map<String, String> answers) {

    static Preview of(Respondent r) {
      return new Preview(
          r.row(),
          r.id(),
          java.util.Arrays.stream(r.weights()).boxed().toList(),
          r.stratum(),
          r.psu(),
          r.sex(),
          r.territory(),
          r.ageGroup(),
          r.answers());
    }
  }

  static List<Line> lines(List<SurveyProblem> problems, Locale locale) {
    return problems.stream()
        .map(
            p ->
                new Line(
                    p.row(),
                    p.column(),
                    p.value(),
                    p.rule(),
                    Messages.format(locale, "survey.row." + p.rule(), p.args().toArray())))
        .toList();
  }
}
