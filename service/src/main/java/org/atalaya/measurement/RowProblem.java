package org.atalaya.measurement;

import java.util.List;

/**
 * One thing wrong (or worth a warning) in one row: where (row and the column as the file names it),
 * what was there, and the rule it broke, as a message code with its arguments.
 */
record RowProblem(long row, String column, String value, String rule, List<Object> args) {
  /** How much of an offending value is echoed back: enough to find it, never a megabyte. */
  static final int ECHOED = 40;

  RowProblem {
    value = prefix(value);
  }

  static String prefix(String value) {
    return value == null || value.length() <= ECHOED
        ? value
        : value.substring(0, ECHOED) + "… (" + value.length() + ")";
  }

  static RowProblem of(long row, String column, String value, String rule, Object... args) {
    return new RowProblem(row, column, value, rule, List.of(args));
  }
}
