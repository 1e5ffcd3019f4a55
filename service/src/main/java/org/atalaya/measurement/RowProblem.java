package org.atalaya.measurement;

import java.util.List;
import org.atalaya.shared.CellLimits;

/**
 * One thing wrong (or worth a warning) in one row: where (row and the column as the file names it),
 * what was there, and the rule it broke, as a message code with its arguments.
 */
record RowProblem(long row, String column, String value, String rule, List<Object> args) {
  RowProblem {
    value = CellLimits.prefix(value);
  }

  static RowProblem of(long row, String column, String value, String rule, Object... args) {
    return new RowProblem(row, column, value, rule, List.of(args));
  }
}
