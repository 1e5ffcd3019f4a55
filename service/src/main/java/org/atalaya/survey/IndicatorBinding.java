package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * An indicator fed by a survey item: which estimate (a proportion of {@code value}, a mean or a
 * total), with which weight, and the factor that turns it into the indicator's unit (100 for a
 * percentage, the default for proportions; 1 otherwise).
 */
@Serdeable
public record IndicatorBinding(
    @NotBlank String indicator,
    @NotBlank String item,
    @NotNull EstimateKind kind,
    @Nullable String value,
    @Nullable String weight,
    @Nullable @Positive Double scale) {

  double scaleOrDefault() {
    return scale != null ? scale : kind == EstimateKind.PROPORTION ? 100 : 1;
  }
}
