package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An activity as a person writes it. {@code version} is the row version the writer read (absent for
 * a new activity): a change made meanwhile by someone else is refused, not overwritten.
 */
@Serdeable
public record ActivityForm(
    @NotBlank @Size(max = 500) String name,
    @Nullable LocalDate plannedStart,
    @Nullable LocalDate plannedEnd,
    @Nullable LocalDate actualStart,
    @Nullable LocalDate actualEnd,
    @NotNull ActivityState state,
    @Nullable @Size(max = 2000) String note,
    @Nullable Integer version) {}
