package org.atalaya.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;

@MappedEntity("target")
public record Target(
    @Nullable @Id @GeneratedValue Long id,
    Long indicatorId,
    Sex sex,
    Long territoryId,
    LocalDate baselinePeriod,
    BigDecimal baselineValue,
    LocalDate finalDate,
    BigDecimal finalValue) {}
