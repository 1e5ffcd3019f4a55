package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One measurement in a JSON batch, with the same fields as a file's columns. Its "row" in the
 * report is its position in the batch, starting at 1.
 */
@Serdeable
record MeasurementInput(
    @Nullable String indicator,
    @Nullable String period,
    @Nullable String sex,
    @Nullable String territory,
    @Nullable String ageGroup,
    @Nullable String source,
    @Nullable BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Nullable String status) {

  private static final List<String> HEADER =
      List.of(
          "indicator",
          "period",
          "sex",
          "territory",
          "age_group",
          "source",
          "value",
          "numerator",
          "denominator",
          "status");

  static RowSource source(List<MeasurementInput> rows) {
    return consumer -> {
      consumer.header(HEADER);
      for (int i = 0; i < rows.size(); i++) {
        consumer.row(i + 1, rows.get(i).cells());
      }
    };
  }

  private List<String> cells() {
    List<String> cells = new ArrayList<>();
    for (Object o :
        new Object[] {
          indicator, period, sex, territory, ageGroup, source, value, numerator, denominator, status
        }) {
      cells.add(o == null ? "" : o instanceof BigDecimal d ? d.toPlainString() : o.toString());
    }
    return cells;
  }
}
