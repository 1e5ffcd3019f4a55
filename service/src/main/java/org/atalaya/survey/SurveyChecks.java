package org.atalaya.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/**
 * What bean validation cannot see in a survey definition: repeated codes, value labels that do not
 * fit the item's type, sex codes other than F/M, territories that do not exist, an item without its
 * weight when the design has several.
 */
final class SurveyChecks {
  private SurveyChecks() {}

  static void check(SurveyDoc doc, Predicate<String> territoryExists) {
    List<FieldError> errors = new ArrayList<>();
    if (doc.periodStart() != null
        && doc.periodEnd() != null
        && doc.periodEnd().isBefore(doc.periodStart())) {
      errors.add(new FieldError("periodEnd", "periodOrder"));
    }
    var design = doc.design();
    if (new HashSet<>(design.weights()).size() != design.weights().size()) {
      errors.add(new FieldError("design.weights", "survey.repeated"));
    }
    if (design.sex() != null) {
      design
          .sex()
          .codes()
          .forEach(
              (from, to) -> {
                if (!Set.of("F", "M", "_U").contains(to)) {
                  errors.add(new FieldError("design.sex.codes." + from, "survey.sexCode", to));
                }
              });
    }
    if (design.territory() != null) {
      design
          .territory()
          .codes()
          .forEach(
              (from, to) -> {
                if (!territoryExists.test(to)) {
                  errors.add(
                      new FieldError("design.territory.codes." + from, "unknownTerritory", to));
                }
              });
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < doc.items().size(); i++) {
      items(doc.items().get(i), "items[" + i + "]", codes, errors);
      weight(doc.items().get(i), "items[" + i + "].weight", design.weights(), errors);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  /**
   * With several weights (persons and households, regional and communal) no weight is right for
   * every question, so each names its own; it must be one of the design's.
   */
  private static void weight(
      SurveyDoc.Item item, String path, List<String> weights, List<FieldError> errors) {
    String all = String.join(", ", weights);
    if (item.weight() == null) {
      if (new HashSet<>(weights).size() > 1) {
        errors.add(new FieldError(path, "survey.itemWeightRequired", all));
      }
    } else if (!weights.contains(item.weight())) {
      errors.add(new FieldError(path, "survey.unknownWeight", item.weight(), all));
    }
  }

  private static void items(
      SurveyDoc.Item item, String path, Set<String> codes, List<FieldError> errors) {
    if (!codes.add(item.code())) {
      errors.add(new FieldError(path + ".code", "duplicateInDocument", item.code()));
    }
    Set<String> values = new HashSet<>();
    for (int v = 0; v < item.values().size(); v++) {
      String code = item.values().get(v).code();
      if (!values.add(code)) {
        errors.add(new FieldError(path + ".values[" + v + "].code", "duplicateInDocument", code));
      }
      if (item.type() == ItemType.SELECT_MULTIPLE && !code.matches(SurveyDoc.VARIABLE)) {
        errors.add(new FieldError(path + ".values[" + v + "].code", "survey.choiceCode", code));
      }
    }
    switch (item.type()) {
      case BINARY -> {
        if (item.values().size() != 2) {
          errors.add(new FieldError(path + ".values", "survey.binaryValues"));
        }
      }
      case CATEGORICAL, LIKERT, SELECT_MULTIPLE -> {
        if (item.values().isEmpty()) {
          errors.add(new FieldError(path + ".values", "survey.valuesRequired", item.type()));
        }
      }
      case NUMERIC -> {
        if (!item.values().isEmpty()) {
          errors.add(new FieldError(path + ".values", "survey.numericValues"));
        }
      }
    }
    for (int m = 0; m < item.missing().size(); m++) {
      if (values.contains(item.missing().get(m))) {
        errors.add(
            new FieldError(
                path + ".missing[" + m + "]", "survey.missingIsValue", item.missing().get(m)));
      }
    }
  }
}
