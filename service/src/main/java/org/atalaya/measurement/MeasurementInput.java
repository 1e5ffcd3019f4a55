package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * One measurement in a JSON batch, with the same fields as a file's columns: the API's documented
 * shape. The batch itself is read by {@link JsonBatch}, which keeps each value as written.
 */
@Serdeable
record MeasurementInput(
    @Nullable String indicator,
    @Nullable String period,
    @Nullable String sex,
    @Nullable String territory,
    @Nullable String ageGroup,
    @Nullable String source,
    @Nullable BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Nullable String status) {}
