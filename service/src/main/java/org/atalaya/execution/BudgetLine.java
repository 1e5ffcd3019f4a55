package org.atalaya.execution;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Money committed and executed (spent) in one quarter from one funding source. */
@Serdeable
public record BudgetLine(
    long id,
    LocalDate periodStart,
    String period,
    String fundingSource,
    String currency,
    BigDecimal committed,
    BigDecimal executed,
    int version) {}
