package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A proposed next version of a published plan: the plan document before ({@code base}) and after
 * ({@code proposed}), in the plan document's JSON form.
 */
@MappedEntity("plan_change")
record PlanChange(
    @Nullable @Id @GeneratedValue Long id,
    Long planId,
    PlanChangeStatus status,
    long baseVersion,
    @Nullable Long resultVersion,
    String base,
    String proposed,
    String proposedBy,
    Instant proposedAt,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String reason) {}
