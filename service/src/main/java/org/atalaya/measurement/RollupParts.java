package org.atalaya.measurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One period's rollup rows of a series — one per sex, each the sum of the corregimientos — made
 * into the sums {@link Totals} chooses from: level 2 is the asked sex's row as it is; level 3, for
 * everyone, adds women's, men's and unknown's rows. Sums are exact decimals, as the server's.
 */
final class RollupParts {
  private final LocalDate period;
  private Row asked;
  private final List<Row> bySex = new ArrayList<>();

  RollupParts(LocalDate period) {
    this.period = period;
  }

  private record Row(
      String sex,
      BigDecimal value,
      BigDecimal numerator,
      BigDecimal denominator,
      int cells,
      int cellsWithoutFraction,
      boolean validated) {}

  /** A row of PartSums' PARTS query (period already known). */
  void add(ResultSet rs, String askedSex) throws SQLException {
    var row =
        new Row(
            rs.getString("sex"),
            rs.getBigDecimal("value"),
            rs.getBigDecimal("numerator"),
            rs.getBigDecimal("denominator"),
            rs.getInt("cells"),
            rs.getInt("cells_without_fraction"),
            rs.getBoolean("validated"));
    if (row.sex().equals(askedSex)) {
      asked = row;
    } else {
      bySex.add(row);
    }
  }

  List<SeriesQuery.Sums> levels() {
    List<SeriesQuery.Sums> levels = new ArrayList<>(2);
    if (asked != null) {
      levels.add(
          new SeriesQuery.Sums(
              period,
              2,
              asked.value(),
              asked.numerator(),
              asked.denominator(),
              asked.cells(),
              asked.cellsWithoutFraction(),
              asked.cells(),
              asked.sex().equals("F") ? asked.cells() : 0,
              asked.sex().equals("M") ? asked.cells() : 0,
              asked.validated()));
    }
    if (!bySex.isEmpty()) {
      levels.add(sexesAdded());
    }
    return levels;
  }

  private SeriesQuery.Sums sexesAdded() {
    BigDecimal value = null;
    BigDecimal numerator = null;
    BigDecimal denominator = null;
    int cells = 0;
    int withoutFraction = 0;
    int places = 0;
    int women = 0;
    int men = 0;
    boolean validated = true;
    for (Row r : bySex) {
      value = add(value, r.value());
      numerator = add(numerator, r.numerator());
      denominator = add(denominator, r.denominator());
      cells += r.cells();
      withoutFraction += r.cellsWithoutFraction();
      places = Math.max(places, r.cells()); // not used for level 3: women and men decide
      women += r.sex().equals("F") ? r.cells() : 0;
      men += r.sex().equals("M") ? r.cells() : 0;
      validated &= r.validated();
    }
    return new SeriesQuery.Sums(
        period,
        3,
        value,
        numerator,
        denominator,
        cells,
        withoutFraction,
        places,
        women,
        men,
        validated);
  }

  /** SQL's sum: nulls are skipped, and all nulls make null. */
  private static BigDecimal add(BigDecimal sum, BigDecimal part) {
    if (part == null) {
      return sum;
    }
    return sum == null ? part : sum.add(part);
  }
}
