package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * What to estimate: an item (a proportion of one of its values, a mean or a total), by which
 * domains ({@code sex}, {@code territory}, {@code ageGroup} or a coded item, combined with commas),
 * among whom ({@code filter=item:value}), with which weight (default the design's first).
 */
record EstimateRequest(
    String item,
    EstimateKind kind,
    @Nullable String value,
    List<String> by,
    @Nullable String filterItem,
    @Nullable String filterValue,
    @Nullable String weight) {

  static final String SEX = "sex";
  static final String TERRITORY = "territory";
  static final String AGE_GROUP = "ageGroup";

  static EstimateRequest parse(
      String item,
      @Nullable String kind,
      @Nullable String value,
      @Nullable String by,
      @Nullable String filter,
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
    String filterItem = null;
    String filterValue = null;
    if (filter != null && !filter.isBlank()) {
      int colon = filter.indexOf(':');
      if (colon <= 0 || colon == filter.length() - 1) {
        throw ApiException.invalid("filter", "format", "pregunta:valor");
      }
      filterItem = filter.substring(0, colon).strip();
      filterValue = filter.substring(colon + 1).strip();
    }
    return new EstimateRequest(
        item,
        k,
        value == null || value.isBlank() ? null : value.strip(),
        List.copyOf(domains),
        filterItem,
        filterValue,
        weight);
  }

  @Nullable
  String filter() {
    return filterItem == null ? null : filterItem + ":" + filterValue;
  }
}
