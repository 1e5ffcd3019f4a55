package org.atalaya.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * Estimates of one item over the domains asked for. A cell without a figure or without an interval
 * carries nulls and the reason ({@code noInterval}, {@code reason}); a suppressed cell (below the
 * publication threshold, for anonymous callers) carries nulls, {@code suppressed = true} and the
 * mark, never a zero. {@code status}: the wave's PROVISIONAL, VALIDATED or PUBLISHED
 * (docs/approval.md). {@code weight} is the design weight used, {@code weightSource} why that one
 * (ASKED, ITEM, ONLY, FIRST; NONE for typed-in figures) and {@code weightNote} says it in words.
 */
@Serdeable
record EstimateTable(
    String survey,
    String wave,
    String item,
    String itemLabel,
    EstimateKind kind,
    @Nullable String value,
    @Nullable String valueLabel,
    List<String> by,
    @Nullable String filter,
    String weight,
    String weightSource,
    String weightNote,
    String scheme,
    String suppressionMark,
    List<Cell> cells,
    String status) {

  @Serdeable
  record DomainCode(String variable, String code, String label) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Cell(
      List<DomainCode> domain,
      @Nullable Double estimate,
      @Nullable Double se,
      @Nullable Double ciLower,
      @Nullable Double ciUpper,
      @Nullable Double deff,
      @Nullable Double cv,
      long n,
      @Nullable Integer df,
      @Nullable String reliability,
      @Nullable String noInterval,
      @Nullable String reason,
      boolean suppressed,
      @Nullable String mark) {}
}
