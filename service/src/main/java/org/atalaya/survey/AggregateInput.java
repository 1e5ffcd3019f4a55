package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * A published figure typed in when there are no microdata: the estimate with its standard error or
 * its 95% interval (the other is derived with the normal approximation), the sample size and, when
 * published, the degrees of freedom (otherwise n − 1, as for a simple random sample). Sex is F, M
 * or _T and territory a code or _T for the whole survey. A figure from nobody (n = 0) is no figure.
 */
@Serdeable
record AggregateInput(
    @NotBlank String item,
    @NotNull EstimateKind kind,
    @Nullable String value,
    @Nullable String sex,
    @Nullable String territory,
    @NotNull Double estimate,
    @Nullable @PositiveOrZero Double se,
    @Nullable Double ciLower,
    @Nullable Double ciUpper,
    @NotNull @Positive Long n,
    @Nullable @PositiveOrZero Integer df) {

  String sexOrTotal() {
    return sex == null || sex.isBlank() ? "_T" : sex;
  }

  String territoryOrTotal() {
    return territory == null || territory.isBlank() ? "_T" : territory;
  }
}
