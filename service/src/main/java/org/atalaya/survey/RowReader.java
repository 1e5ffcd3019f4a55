package org.atalaya.survey;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.atalaya.shared.CellLimits;

/**
 * Reads one data row into a respondent, reporting every cell that breaks a rule: weights must be
 * positive numbers; strata and PSU present; sex and territory codes mapped; coded answers among the
 * item's value labels or missing codes. What needs the whole file (repeated respondent ids, a PSU
 * in two strata) is checked here too, with the row where each was first seen.
 */
final class RowReader {
  private final SurveyDoc survey;
  private final ColumnPlan plan;
  private final Predicate<String> territoryExists;
  private final Consumer<SurveyProblem> errors;

  /**
   * No respondent stands for more people than live on Earth; a larger weight is a broken file, and
   * sums of such weights overflow every estimate of the wave.
   */
  static final double MAX_WEIGHT = 1e10;

  private final Map<String, Long> ids = new HashMap<>();
  private final Map<String, PsuSeen> psus = new HashMap<>();

  private record PsuSeen(String stratum, long row) {}

  RowReader(
      SurveyDoc survey,
      ColumnPlan plan,
      Predicate<String> territoryExists,
      Consumer<SurveyProblem> errors) {
    this.survey = survey;
    this.plan = plan;
    this.territoryExists = territoryExists;
    this.errors = errors;
  }

  /** The respondent, or null when the row has problems (already reported). */
  Respondent read(long row, List<String> cells) {
    var problems = new Problems(row);
    var design = survey.design();
    double[] weights = new double[plan.weights().length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weight(cells, plan.weights()[i], problems);
    }
    String stratum = required(cells, plan.strata(), problems);
    String psu = required(cells, plan.psu(), problems);
    if (psu != null && plan.strata() >= 0 && stratum != null) {
      PsuSeen seen = psus.putIfAbsent(psu, new PsuSeen(stratum, row));
      if (seen != null && !seen.stratum().equals(stratum)) {
        problems.add(plan.psu(), psu, "psuTwoStrata", seen.stratum(), seen.row(), stratum);
      }
    }
    String sex = design.sex() == null ? null : sex(cells, design.sex(), problems);
    String territory =
        design.territory() == null ? null : territory(cells, design.territory(), problems);
    String age =
        design.ageGroup() == null ? null : coded(cells, plan.ageGroup(), design.ageGroup());
    String id = plan.id() < 0 ? Long.toString(row) : required(cells, plan.id(), problems);
    if (id != null) {
      Long first = ids.putIfAbsent(id, row);
      if (first != null) {
        problems.add(plan.id(), id, "duplicateId", first);
      }
    }
    Map<String, String> answers = new LinkedHashMap<>();
    for (ColumnPlan.ItemColumns columns : plan.items()) {
      Answers.read(
          columns,
          cells,
          answers,
          (column, value, rule, args) -> problems.add(column, value, rule, args));
    }
    return problems.count > 0
        ? null
        : new Respondent(row, id, weights, stratum, psu, sex, territory, age, answers);
  }

  private double weight(List<String> cells, int column, Problems problems) {
    String text = cell(cells, column);
    if (text.isEmpty()) {
      problems.add(column, text, "required");
      return Double.NaN;
    }
    if (!CellLimits.plainDecimal(text)) {
      problems.add(column, text, text.matches("-?\\d+,\\d+") ? "decimalComma" : "notNumber");
      return Double.NaN;
    }
    double w = Double.parseDouble(text);
    if (!(w > 0)) {
      problems.add(column, text, "weightPositive");
    } else if (w > MAX_WEIGHT) {
      problems.add(column, text, "weightRange", MAX_WEIGHT);
    }
    return w;
  }

  private String required(List<String> cells, int column, Problems problems) {
    if (column < 0) {
      return null;
    }
    String text = cell(cells, column);
    if (text.isEmpty()) {
      problems.add(column, text, "required");
      return null;
    }
    return text;
  }

  private String sex(List<String> cells, SurveyDoc.Coded sex, Problems problems) {
    String text = cell(cells, plan.sex());
    if (text.isEmpty() || sex.missing().contains(text)) {
      return "_U";
    }
    String mapped =
        sex.codes().isEmpty() ? text.toUpperCase(java.util.Locale.ROOT) : sex.codes().get(text);
    if (mapped == null || !Set.of("F", "M", "_U").contains(mapped)) {
      problems.add(plan.sex(), text, "unmappedSex", String.join(", ", sex.codes().keySet()));
      return null;
    }
    return mapped;
  }

  private String territory(List<String> cells, SurveyDoc.Coded territory, Problems problems) {
    String text = cell(cells, plan.territory());
    if (text.isEmpty() || territory.missing().contains(text)) {
      return null;
    }
    String mapped = territory.codes().isEmpty() ? text : territory.codes().get(text);
    if (mapped == null || territory.codes().isEmpty() && !territoryExists.test(mapped)) {
      problems.add(plan.territory(), text, "unmappedTerritory");
      return null;
    }
    return mapped;
  }

  private String coded(List<String> cells, int column, SurveyDoc.Coded coded) {
    String text = cell(cells, column);
    if (text.isEmpty() || coded.missing().contains(text)) {
      return null;
    }
    return coded.codes().getOrDefault(text, text);
  }

  static String cell(List<String> cells, int column) {
    return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
  }

  private final class Problems {
    private final long row;
    private int count;

    Problems(long row) {
      this.row = row;
    }

    void add(int column, String value, String rule, Object... args) {
      count++;
      errors.accept(SurveyProblem.of(row, plan.name(column), value, rule, args));
    }
  }
}
