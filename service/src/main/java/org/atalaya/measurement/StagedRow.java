package org.atalaya.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row that passed every check on its own, ready for the staging table. */
record StagedRow(
    long row,
    long indicatorId,
    LocalDate period,
    String sex,
    long territoryId,
    String ageGroup,
    long sourceId,
    BigDecimal value,
    BigDecimal numerator,
    BigDecimal denominator,
    String status) {

  /** One line of COPY's CSV format; every field is a code, a number or a date (no quoting). */
  String copyLine() {
    return copyLine(fields());
  }

  /** {@link #copyLine()} from the {@link #fields()} already written. */
  String copyLine(String fields) {
    return new StringBuilder(fields.length() + 32)
        .append(row)
        .append(',')
        .append(fields)
        .append(',')
        .append(status)
        .append('\n')
        .toString();
  }

  /**
   * The row as a line of {@code COPY measurement (indicator_id, period_start, sex, territory_id,
   * age_group, source_id, value, numerator, denominator, status, recorded_by)}, in CSV.
   *
   * @param fields the row's {@link #fields()}
   * @param recordedBy already quoted for CSV
   */
  static String measurementLine(String fields, String status, String recordedBy) {
    return new StringBuilder(fields.length() + recordedBy.length() + 16)
        .append(fields)
        .append(',')
        .append(status)
        .append(',')
        .append(recordedBy)
        .append('\n')
        .toString();
  }

  /**
   * The cell's fields from indicator to denominator, as both lines write them: written once per row
   * (a million-row upload writes both lines of every row while it copies straight in).
   */
  String fields() {
    StringBuilder b = new StringBuilder(64);
    b.append(indicatorId).append(',');
    int year = period.getYear();
    if (year >= 1000 && year <= 9999) {
      b.append(year).append('-');
      two(b, period.getMonthValue()).append('-');
      two(b, period.getDayOfMonth());
    } else {
      b.append(period); // ISO form for the years that need a sign or padding
    }
    b.append(',').append(sex).append(',').append(territoryId).append(',').append(ageGroup);
    b.append(',').append(sourceId).append(',').append(value.toPlainString()).append(',');
    if (numerator != null) {
      b.append(numerator.toPlainString());
    }
    b.append(',');
    if (denominator != null) {
      b.append(denominator.toPlainString());
    }
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, int n) {
    return (n < 10 ? b.append('0') : b).append(n);
  }
}
