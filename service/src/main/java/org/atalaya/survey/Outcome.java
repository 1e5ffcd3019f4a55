package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * The variable an estimate is about, per respondent: 1/0 for "answered this value" in a proportion,
 * the number for a mean or total. Blank answers and missing codes (88, 99…) are NaN, which the
 * estimator leaves out of the domain while the design keeps their PSUs.
 */
record Outcome(SurveyDoc.Item item, EstimateKind kind, @Nullable SurveyDoc.ValueLabel value) {

  static Outcome of(SurveyDoc survey, EstimateRequest request) {
    SurveyDoc.Item item = survey.item(request.item());
    if (item == null) {
      throw ApiException.invalid("item", "survey.unknownItem", request.item());
    }
    SurveyDoc.ValueLabel value = null;
    if (request.value() != null) {
      String code = item.type().coded() ? Answers.code(item, request.value()) : null;
      value = code == null ? null : item.value(code);
      if (value == null) {
        throw ApiException.invalid("value", "survey.unknownValue", request.value(), item.code());
      }
    } else if (item.type() == ItemType.BINARY) {
      value = item.values().get(0);
    }
    boolean needsValue =
        switch (request.kind()) {
          case PROPORTION -> true;
          case MEAN, TOTAL ->
              item.type() == ItemType.SELECT_MULTIPLE || item.type() == ItemType.CATEGORICAL;
        };
    if (needsValue && value == null) {
      throw ApiException.invalid("value", "survey.valueRequired", item.code());
    }
    if (request.kind() == EstimateKind.PROPORTION && item.type() == ItemType.NUMERIC) {
      throw ApiException.invalid("kind", "survey.kindForItem", request.kind(), item.type());
    }
    return new Outcome(item, request.kind(), value);
  }

  /** The stored variables to read: the item, and for a choice of a select-multiple its own key. */
  List<String> variables() {
    return item.type() == ItemType.SELECT_MULTIPLE
        ? List.of(item.code(), Variables.choice(item.code(), value.code()))
        : List.of(item.code());
  }

  double[] values(WaveData data) {
    Column raw = data.variables().get(item.code());
    double[] y = new double[data.size()];
    if (item.type() == ItemType.SELECT_MULTIPLE) {
      Column chosen = data.variables().get(Variables.choice(item.code(), value.code()));
      return byCode(chosen, c -> "1".equals(c) ? 1 : 0, y);
    }
    return byCode(
        raw,
        text -> {
          if (item.missing().contains(text)) {
            return Double.NaN;
          } else if (value != null) {
            return value.code().equals(text) ? 1 : 0;
          }
          Double number = Answers.number(text);
          return number == null ? Double.NaN : number;
        },
        y);
  }

  /** Each distinct text's value once, then every respondent's by its code; none is NaN. */
  private static double[] byCode(
      Column column, java.util.function.ToDoubleFunction<String> valueOf, double[] y) {
    String[] texts = column.values();
    double[] byText = new double[texts.length];
    for (int k = 0; k < texts.length; k++) {
      byText[k] = valueOf.applyAsDouble(texts[k]);
    }
    int[] codes = column.codes();
    for (int i = 0; i < y.length; i++) {
      y[i] = codes[i] < 0 ? Double.NaN : byText[codes[i]];
    }
    return y;
  }

  String label(boolean english) {
    return english && item.labelEn() != null ? item.labelEn() : item.label();
  }

  @Nullable
  String valueLabel(boolean english) {
    if (value == null) {
      return null;
    }
    return english && value.labelEn() != null ? value.labelEn() : value.label();
  }
}
