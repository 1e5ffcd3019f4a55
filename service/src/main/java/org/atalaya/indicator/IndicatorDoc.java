package org.atalaya.indicator;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.shared.Codes;

/** An indicator as the API reads and writes it: everything by code. */
@Serdeable
public record IndicatorDoc(
    @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
    @NotBlank @Size(max = 300) String name,
    @Nullable String description,
    @NotNull IndicatorKind kind,
    @Nullable @Positive Integer rateBase,
    @NotBlank @Size(max = 60) String unit,
    @NotNull Direction direction,
    @Nullable @PositiveOrZero @Digits(integer = 12, fraction = 6) BigDecimal tolerance,
    @NotNull Frequency frequency,
    @NotNull Accumulation accumulation,
    @Nullable @Valid Disaggregations disaggregations,
    @Nullable String numeratorDefinition,
    @Nullable String denominatorDefinition,
    @NotNull SourceKind sourceKind,
    @Nullable String institution,
    @Nullable @Valid ActionRef actionCard,
    @Nullable List<@NotNull @Valid SourceDoc> sources) {

  public IndicatorDoc {
    disaggregations =
        disaggregations == null ? new Disaggregations(false, false, false) : disaggregations;
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  @Serdeable
  public record Disaggregations(boolean sex, boolean territory, boolean ageGroup) {}

  /** The action card ("ficha") the indicator follows: plan code and card code. */
  @Serdeable
  public record ActionRef(@NotBlank String plan, @NotBlank String code) {}

  @Serdeable
  public record SourceDoc(
      @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
      @NotBlank @Size(max = 300) String name,
      @Nullable String institution,
      boolean official) {}

  /** A dated value: a baseline, a milestone or the final target. */
  @Serdeable
  @Introspected
  public record Point(
      @NotNull LocalDate period, @NotNull @Digits(integer = 14, fraction = 6) BigDecimal value) {}

  /** A target series for one cell; the total (sex _T, the district) when none is named. */
  @Serdeable
  public record TargetDoc(
      @Nullable Sex sex,
      @NotBlank String territory,
      @NotNull @Valid Point baseline,
      @Nullable List<@NotNull @Valid Point> milestones,
      @NotNull @Valid Point target) {
    public TargetDoc {
      sex = sex == null ? Sex._T : sex;
      milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
  }
}
