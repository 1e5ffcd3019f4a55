package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * What to estimate: an item (a proportion of one of its values, a mean or a total), by which
 * domains ({@code sex}, {@code territory}, {@code ageGroup} or a coded item, combined with commas),
 * among whom ({@code filter=variable:value} on the same variables; several filters, repeated or
 * joined with commas, all apply), with which weight (default the item's own).
 */
record EstimateRequest(
    String item,
    EstimateKind kind,
    @Nullable String value,
    List<String> by,
    List<Filter> filters,
    @Nullable String weight) {

  EstimateRequest {
    by = List.copyOf(by);
    filters = List.copyOf(filters);
  }

  /**
   * Respondents whose {@code variable} (sex, territory, ageGroup or a coded item) is {@code value}.
   */
  record Filter(String variable, String value) {
    @Override
    public String toString() {
      return variable + ":" + value;
    }
  }

  static final String SEX = "sex";
  static final String TERRITORY = "territory";
  static final String AGE_GROUP = "ageGroup";

  static EstimateRequest parse(
      String item,
      @Nullable String kind,
      @Nullable String value,
      @Nullable String by,
      @Nullable List<String> filter,
      @Nullable String weight) {
    EstimateKind k = EstimateKind.PROPORTION;
    if (kind != null && !kind.isBlank()) {
      try {
        k = EstimateKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("kind", "format", "PROPORTION, MEAN, TOTAL");
      }
    }
    List<String> domains = new ArrayList<>();
    if (by != null && !by.isBlank() && !by.equalsIgnoreCase("none")) {
      for (String part : by.split("[,×]+")) {
        if (!part.isBlank()) {
          domains.add(part.strip());
        }
      }
    }
    List<Filter> filters = new ArrayList<>();
    for (String f : filter == null ? List.<String>of() : filter) {
      for (String raw : f.split(",")) {
        String part = raw.strip();
        if (part.isEmpty()) {
          continue;
        }
        int colon = part.indexOf(':');
        if (colon <= 0 || colon == part.length() - 1) {
          throw ApiException.invalid("filter", "format", "variable:valor");
        }
        filters.add(
            new Filter(part.substring(0, colon).strip(), part.substring(colon + 1).strip()));
      }
    }
    return new EstimateRequest(
        item,
        k,
        value == null || value.isBlank() ? null : value.strip(),
        domains,
        filters,
        weight == null || weight.isBlank() ? null : weight.strip());
  }

  /** The filters as asked ("sex:F,territory:LCH-01"), null for none. */
  @Nullable
  String filter() {
    return filters.isEmpty()
        ? null
        : String.join(",", filters.stream().map(Filter::toString).toList());
  }
}
