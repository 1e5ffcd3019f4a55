package org.atalaya.survey;

import java.util.List;
import java.util.Locale;
import org.atalaya.shared.CsvWriter;
import org.atalaya.shared.Messages;

/**
 * An estimate table as a CSV download: one row per cell, domain codes and labels first, numbers
 * with a decimal point and full precision. A missing or withheld figure is an empty field — a
 * numeric column holds numbers only, never the mark, never a zero — and the {@code flag} column
 * says why in words: the suppression mark, or why there is no interval. Labels come from the
 * uploaded questionnaire, so a label written like a formula is kept as text ({@link CsvWriter}).
 */
final class EstimateCsv {
  private EstimateCsv() {}

  static String write(EstimateTable table, Locale locale) {
    var out = new StringBuilder();
    try (var csv = new CsvWriter(out)) {
      var header = new java.util.ArrayList<String>();
      for (String by : table.by()) {
        header.add(by);
        header.add(by + "_label");
      }
      header.addAll(
          List.of(
              "item",
              "value",
              "kind",
              "estimate",
              "se",
              "ci_lower",
              "ci_upper",
              "deff",
              "cv",
              "n",
              "df",
              "reliability",
              "no_interval",
              "suppressed",
              "flag",
              "weight"));
      csv.row(header);
      for (EstimateTable.Cell cell : table.cells()) {
        var row = new java.util.ArrayList<Object>();
        for (String by : table.by()) {
          var code =
              cell.domain().stream().filter(d -> d.variable().equals(by)).findFirst().orElse(null);
          row.add(code == null ? "_T" : code.code());
          row.add(code == null ? Messages.format(locale, "survey.total") : code.label());
        }
        row.add(table.item());
        row.add(table.value() == null ? "" : table.value());
        row.add(table.kind());
        for (Double d :
            new Double[] {
              cell.estimate(), cell.se(), cell.ciLower(), cell.ciUpper(), cell.deff(), cell.cv()
            }) {
          row.add(d == null ? "" : d.toString());
        }
        row.add(cell.n());
        row.add(cell.df() == null ? "" : cell.df());
        row.add(cell.reliability() == null ? "" : cell.reliability());
        row.add(cell.noInterval() == null ? "" : cell.noInterval());
        row.add(cell.suppressed());
        row.add(flag(cell));
        row.add(table.weight());
        csv.row(row);
      }
    }
    return out.toString();
  }

  private static String flag(EstimateTable.Cell cell) {
    if (cell.suppressed() && cell.mark() != null) {
      return cell.reason() == null ? cell.mark() : cell.mark() + " · " + cell.reason();
    }
    return cell.reason() == null ? "" : cell.reason();
  }
}
