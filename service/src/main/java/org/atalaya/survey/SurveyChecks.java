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
 * fit the item's type, sex codes other than F/M, territories that do not exist.
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
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
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
