package org.atalaya.territory;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Population of one sex (SDMX code F or M) in one territory and year: a rate's denominator. */
@Serdeable
@Introspected
public record PopulationEntry(
    @Min(1900) @Max(2200) int year,
    @NotNull @Pattern(regexp = "[FM]") String sex,
    @NotNull @PositiveOrZero Long population,
    @Nullable @Size(max = 400) String source,
    boolean illustrative) {}
