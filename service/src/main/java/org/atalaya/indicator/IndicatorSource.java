package org.atalaya.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One series-keeper of an indicator (police, prosecutor, survey…); one is official. */
@MappedEntity("indicator_source")
public record IndicatorSource(
    @Nullable @Id @GeneratedValue Long id,
    Long indicatorId,
    String code,
    String name,
    @Nullable Long institutionId,
    boolean official) {}
