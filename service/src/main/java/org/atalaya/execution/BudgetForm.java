package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What was committed and executed in one quarter ({@code 2025-T1}) from one funding source. Saving
 * it again for the same quarter and source replaces the figures (with {@code version}, as read).
 */
@Serdeable
public record BudgetForm(
    @NotBlank @Size(max = 10) String period,
    @NotBlank @Size(max = 200) String fundingSource,
    @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal committed,
    @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal executed,
    @Nullable Integer version) {}
