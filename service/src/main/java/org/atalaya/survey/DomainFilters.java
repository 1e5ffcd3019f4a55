package org.atalaya.survey;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.atalaya.shared.ApiException;

/**
 * Who an estimate is about: the respondents that every filter keeps ({@code sex:F}, {@code
 * territory:LCH-01}, {@code ageGroup:3}, {@code item:value}). A filter that cannot select anyone by
 * construction (an unknown variable, a value the variable does not have) is refused, naming the
 * parameter, never ignored.
 */
final class DomainFilters {
  private DomainFilters() {}

  static boolean designVariable(String variable) {
    return variable.equals(EstimateRequest.SEX)
        || variable.equals(EstimateRequest.TERRITORY)
        || variable.equals(EstimateRequest.AGE_GROUP);
  }

  /** The coded item a filter names; refused when it names none. */
  static SurveyDoc.Item item(SurveyDoc survey, EstimateRequest.Filter f) {
    SurveyDoc.Item item = survey.item(f.variable());
    if (item == null || !item.type().coded() || item.type() == ItemType.SELECT_MULTIPLE) {
      throw ApiException.invalid("filter", "survey.unknownFilter", f.variable());
    }
    return item;
  }

  /** Who every filter keeps; null (everyone) without filters. */
  static boolean[] among(
      SurveyDoc survey,
      List<EstimateRequest.Filter> filters,
      WaveData data,
      Predicate<String> territoryExists) {
    if (filters.isEmpty()) {
      return null;
    }
    boolean[] in = new boolean[data.size()];
    java.util.Arrays.fill(in, true);
    Set<String> seen = new HashSet<>();
    for (EstimateRequest.Filter f : filters) {
      if (!seen.add(f.variable())) {
        throw ApiException.invalid("filter", "survey.filterRepeated", f.variable());
      }
      Column codes;
      String code = f.value();
      switch (f.variable()) {
        case EstimateRequest.SEX -> {
          if (!List.of("F", "M", "_U").contains(code)) {
            throw ApiException.invalid("filter", "survey.filterSex", code);
          }
          codes = data.sex();
        }
        case EstimateRequest.TERRITORY -> {
          if (!territoryExists.test(code)) {
            throw ApiException.invalid("filter", "unknownTerritory", code);
          }
          codes = data.territory();
        }
        case EstimateRequest.AGE_GROUP -> {
          Set<String> groups = new TreeSet<>(Domains::natural);
          for (String g : data.ageGroup().values()) {
            if (g != null) {
              groups.add(g);
            }
          }
          if (!groups.contains(code)) {
            throw ApiException.invalid(
                "filter", "survey.filterAgeGroup", code, String.join(", ", groups));
          }
          codes = data.ageGroup();
        }
        default -> {
          SurveyDoc.Item item = item(survey, f);
          code = Answers.code(item, f.value());
          if (code == null) {
            throw ApiException.invalid("filter", "survey.unknownValue", f.value(), item.code());
          }
          codes = data.variables().get(item.code());
        }
      }
      int wanted = codes.indexOf(code);
      int[] who = codes.codes();
      for (int i = 0; i < in.length; i++) {
        in[i] &= who[i] == wanted && wanted >= 0;
      }
    }
    return in;
  }
}
