package org.atalaya.survey;

import java.util.List;

/**
 * One thing wrong (or worth a warning) in an uploaded file: the row (the header is 1), the column
 * as the file names it, what was there, and the rule it broke as a message code with arguments.
 */
record SurveyProblem(long row, String column, String value, String rule, List<Object> args) {
  SurveyProblem {
    value = org.atalaya.shared.CellLimits.prefix(value);
  }

  static SurveyProblem of(long row, String column, String value, String rule, Object... args) {
    return new SurveyProblem(row, column, value, rule, List.of(args));
  }
}
