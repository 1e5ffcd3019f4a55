package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("axis")
record Axis(
    @Nullable @Id @GeneratedValue Long id,
    Long planId,
    String code,
    String name,
    @Nullable StandardAxis standard,
    @Nullable String description,
    int position) {}
