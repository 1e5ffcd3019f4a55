package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.atalaya.shared.Codes;

/**
 * A survey as the API reads and writes it: what it asks (items with their value labels and missing
 * codes) and how it was sampled (weights, strata, PSU, and the variables that give a respondent's
 * sex, territory and age group, with how their codes map to Atalaya's). Variable names are what a
 * column mapping binds to a file's columns.
 */
@Serdeable
public record SurveyDoc(
    @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
    @NotBlank @Size(max = 300) String name,
    @Nullable String universe,
    @Nullable LocalDate periodStart,
    @Nullable LocalDate periodEnd,
    @NotNull @Valid Design design,
    @NotEmpty List<@NotNull @Valid Item> items) {

  public SurveyDoc {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A variable name as files spell them: letters, digits, "_", "." and "-" (no "/"). */
  static final String VARIABLE = "[A-Za-z_][A-Za-z0-9_.-]{0,79}";

  @Serdeable
  public record Design(
      @NotEmpty List<@NotNull @Pattern(regexp = VARIABLE) String> weights,
      @Nullable @Pattern(regexp = VARIABLE) String strata,
      @Nullable @Pattern(regexp = VARIABLE) String psu,
      @Nullable @Valid Coded sex,
      @Nullable @Valid Coded territory,
      @Nullable @Valid Coded ageGroup) {

    public Design {
      weights = weights == null ? List.of() : List.copyOf(weights);
    }
  }

  /**
   * A design variable whose codes map to Atalaya's: sex to F or M, territory to a territory code,
   * age group to a group code. An empty map means the file already uses Atalaya's codes.
   */
  @Serdeable
  public record Coded(
      @NotBlank @Pattern(regexp = VARIABLE) String variable,
      @Nullable Map<String, String> codes,
      @Nullable List<String> missing) {

    public Coded {
      codes = codes == null ? Map.of() : Map.copyOf(codes);
      missing = missing == null ? List.of() : List.copyOf(missing);
    }
  }

  /**
   * A question. {@code weight} names the design weight its estimates use: a household question the
   * household weight, a person question the person weight. It may be left out when the design has a
   * single weight.
   */
  @Serdeable
  public record Item(
      @NotBlank @Pattern(regexp = VARIABLE) String code,
      @NotBlank @Size(max = 500) String label,
      @Nullable @Size(max = 500) String labelEn,
      @NotNull ItemType type,
      @Nullable List<@NotNull @Valid ValueLabel> values,
      @Nullable List<@NotBlank String> missing,
      @Nullable @Size(max = 60) String unit,
      @Nullable @Pattern(regexp = VARIABLE) String weight) {

    public Item {
      values =
          values == null || values.isEmpty() && type == ItemType.BINARY
              ? (type == ItemType.BINARY ? YES_NO : List.of())
              : List.copyOf(values);
      missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** An item without its own weight, as definitions written before items named theirs. */
    Item(
        String code,
        String label,
        @Nullable String labelEn,
        ItemType type,
        @Nullable List<ValueLabel> values,
        @Nullable List<String> missing,
        @Nullable String unit) {
      this(code, label, labelEn, type, values, missing, unit, null);
    }

    static final List<ValueLabel> YES_NO =
        List.of(new ValueLabel("1", "Sí", "Yes"), new ValueLabel("0", "No", "No"));

    @Nullable
    ValueLabel value(String code) {
      for (ValueLabel v : values) {
        if (v.code().equals(code)) {
          return v;
        }
      }
      return null;
    }
  }

  @Serdeable
  public record ValueLabel(
      @NotBlank @Size(max = 80) String code,
      @NotBlank @Size(max = 300) String label,
      @Nullable @Size(max = 300) String labelEn) {}

  /**
   * The weight an item is estimated with when the caller names none: its own, else the design's
   * only one; a stored definition with several weights whose item names none falls back to the
   * first, and says so.
   */
  WeightUsed weightOf(Item item) {
    if (item.weight() != null) {
      return new WeightUsed(item.weight(), WeightUsed.Source.ITEM);
    }
    return new WeightUsed(
        design.weights().get(0),
        design.weights().size() == 1 ? WeightUsed.Source.ONLY : WeightUsed.Source.FIRST);
  }

  @Nullable
  Item item(String itemCode) {
    for (Item i : items) {
      if (i.code().equals(itemCode)) {
        return i;
      }
    }
    return null;
  }
}
