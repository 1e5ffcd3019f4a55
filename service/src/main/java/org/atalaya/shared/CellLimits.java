package org.atalaya.shared;

import java.util.regex.Pattern;

/**
 * What every uploaded table's cell must be before any rule reads it, shared by measurement and
 * survey uploads: at most {@value #MAX_CELL} characters and no NUL byte (which PostgreSQL cannot
 * store). Checking length first keeps a refusal cheap whatever the cell holds. Answers echo at most
 * {@value #ECHOED} characters of an offending value.
 */
public final class CellLimits {
  public static final int MAX_CELL = 10_000;
  public static final int ECHOED = 40;

  /**
   * A decimal as people and spreadsheets write it, with at most a three-digit exponent: the forms
   * Java would also read ({@code 1.5f}, {@code 0x1p3}, {@code NaN}, {@code 1E+2147483647}) are not
   * numbers anyone meant to upload.
   */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

  private static final int MAX_NUMBER_LENGTH = 40;

  private CellLimits() {}

  /** The rule the cell breaks ({@code cellTooLong}, {@code nulByte}), or null. */
  public static String broken(String cell) {
    if (cell.length() > MAX_CELL) {
      return "cellTooLong";
    }
    return cell.indexOf('\0') >= 0 ? "nulByte" : null;
  }

  /** Enough of a value to find it, never a megabyte; a NUL shown as a visible mark. */
  public static String prefix(String value) {
    if (value == null) {
      return null;
    }
    String shown = value.length() <= ECHOED ? value : value.substring(0, ECHOED) + "…";
    return shown.replace('\0', '␀');
  }

  /** Whether the text is a plain decimal this service can store exactly (see {@link #DECIMAL}). */
  public static boolean plainDecimal(String text) {
    return text.length() <= MAX_NUMBER_LENGTH && DECIMAL.matcher(text).matches();
  }
}
