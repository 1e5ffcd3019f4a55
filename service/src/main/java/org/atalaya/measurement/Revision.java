package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * A stored figure an upload changes (or, in a preview, would change): its row, its cell and the
 * value before and after, so the person sees every revision, old → new, before confirming.
 */
@Serdeable
public record Revision(
    long row,
    String indicator,
    String period,
    String sex,
    String territory,
    BigDecimal oldValue,
    BigDecimal newValue,
    @Nullable BigDecimal oldNumerator,
    @Nullable BigDecimal newNumerator,
    @Nullable BigDecimal oldDenominator,
    @Nullable BigDecimal newDenominator) {}
