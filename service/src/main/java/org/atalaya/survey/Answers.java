package org.atalaya.survey;

import java.util.List;
import java.util.Map;

/**
 * An item's answer in one row, checked against its labels and stored as text. A blank cell is an
 * answer not given; a missing code (88, 96, 99…) is kept as written and left out of estimates. A
 * select-multiple item becomes one 0/1 answer per choice, from its space-separated column ("robo
 * hurto") or, when that is absent or blank, from its per-choice columns.
 */
final class Answers {
  private Answers() {}

  interface Sink {
    void problem(int column, String value, String rule, Object... args);
  }

  static void read(
      ColumnPlan.ItemColumns columns, List<String> cells, Map<String, String> out, Sink sink) {
    SurveyDoc.Item item = columns.item();
    String text = RowReader.cell(cells, columns.column());
    if (item.type() == ItemType.SELECT_MULTIPLE) {
      choices(columns, text, cells, out, sink);
      return;
    }
    if (text.isEmpty()) {
      return;
    }
    if (item.missing().contains(text)) {
      out.put(item.code(), text);
      return;
    }
    switch (item.type()) {
      case NUMERIC -> {
        if (number(text) == null) {
          sink.problem(columns.column(), text, "notNumber");
        } else {
          out.put(item.code(), text);
        }
      }
      case BINARY, CATEGORICAL, LIKERT -> {
        String code = code(item, text);
        if (code == null) {
          sink.problem(columns.column(), text, "outsideLabels", labels(item));
        } else {
          out.put(item.code(), code);
        }
      }
      case SELECT_MULTIPLE -> throw new IllegalStateException("handled above");
    }
  }

  private static void choices(
      ColumnPlan.ItemColumns columns,
      String summary,
      List<String> cells,
      Map<String, String> out,
      Sink sink) {
    SurveyDoc.Item item = columns.item();
    if (!summary.isEmpty()) {
      if (item.missing().contains(summary)) {
        out.put(item.code(), summary);
        return;
      }
      var chosen = new java.util.HashSet<String>();
      for (String token : summary.split("\\s+")) {
        String code = code(item, token);
        if (code == null) {
          sink.problem(columns.column(), token, "outsideLabels", labels(item));
        } else {
          chosen.add(code);
        }
      }
      item.values()
          .forEach(
              v ->
                  out.put(
                      Variables.choice(item.code(), v.code()),
                      chosen.contains(v.code()) ? "1" : "0"));
      return;
    }
    columns
        .choices()
        .forEach(
            (choice, column) -> {
              String text = RowReader.cell(cells, column);
              if (text.isEmpty()) {
                return;
              }
              String flag = flag(text);
              if (flag == null) {
                sink.problem(column, text, "notZeroOne");
              } else {
                out.put(Variables.choice(item.code(), choice), flag);
              }
            });
  }

  /** The label's own code for what the file wrote: "1", "1.0" and "01" are the label "1". */
  static String code(SurveyDoc.Item item, String text) {
    if (item.value(text) != null) {
      return text;
    }
    Double n = number(text);
    if (n == null) {
      return null;
    }
    for (SurveyDoc.ValueLabel v : item.values()) {
      Double c = number(v.code());
      if (c != null && c.doubleValue() == n.doubleValue()) {
        return v.code();
      }
    }
    return null;
  }

  private static String flag(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "1", "1.0", "true", "verdadero" -> "1";
      case "0", "0.0", "false", "falso" -> "0";
      default -> null;
    };
  }

  /** A plain decimal only: {@code 1.5f}, {@code 0x1p3}, {@code NaN} are not answers. */
  static Double number(String text) {
    if (!org.atalaya.shared.CellLimits.plainDecimal(text)) {
      return null;
    }
    double d = Double.parseDouble(text);
    return Double.isFinite(d) && Math.abs(d) <= 1e15 ? d : null;
  }

  private static String labels(SurveyDoc.Item item) {
    var codes = new StringBuilder();
    for (SurveyDoc.ValueLabel v : item.values()) {
      codes.append(codes.isEmpty() ? "" : ", ").append(v.code());
    }
    for (String m : item.missing()) {
      codes.append(", ").append(m);
    }
    return codes.toString();
  }
}
