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
    return row + "," + cell(status) + "\n";
  }

  /**
   * The row as a line of {@code COPY measurement (indicator_id, period_start, sex, territory_id,
   * age_group, source_id, value, numerator, denominator, status, recorded_by)}, in CSV.
   *
   * @param recordedBy already quoted for CSV
   */
  byte[] measurementLine(String status, String recordedBy) {
    return (cell(status) + "," + recordedBy + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The cell's fields from indicator to status, as both lines write them. */
  private String cell(String status) {
    return String.join(
        ",",
        String.valueOf(indicatorId),
        String.valueOf(period),
        String.valueOf(sex),
        String.valueOf(territoryId),
        String.valueOf(ageGroup),
        String.valueOf(sourceId),
        value.toPlainString(),
        numerator == null ? "" : numerator.toPlainString(),
        denominator == null ? "" : denominator.toPlainString(),
        status);
  }
}
