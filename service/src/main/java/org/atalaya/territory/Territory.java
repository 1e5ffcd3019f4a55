package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("territory")
public record Territory(
    @Nullable @Id @GeneratedValue Long id,
    String code,
    String name,
    TerritoryLevel level,
    @Nullable Long parentId,
    @Nullable String officialCode,
    @Nullable java.time.LocalDate validFrom,
    @Nullable java.time.LocalDate validTo) {}
