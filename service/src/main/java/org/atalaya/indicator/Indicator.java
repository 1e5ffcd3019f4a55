package org.atalaya.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;

@MappedEntity("indicator")
public record Indicator(
    @Nullable @Id @GeneratedValue Long id,
    String code,
    String name,
    @Nullable String description,
    IndicatorKind kind,
    @Nullable Integer rateBase,
    String unit,
    Direction direction,
    @Nullable BigDecimal tolerance,
    Frequency frequency,
    Accumulation accumulation,
    boolean bySex,
    boolean byTerritory,
    boolean byAgeGroup,
    @Nullable String numeratorDefinition,
    @Nullable String denominatorDefinition,
    SourceKind sourceKind,
    @Nullable Long institutionId,
    @Nullable Long actionCardId) {}
