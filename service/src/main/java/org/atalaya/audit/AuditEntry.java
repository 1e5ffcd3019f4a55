package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

@MappedEntity("audit_log")
record AuditEntry(
    @Id Long id,
    Instant at,
    String actor,
    String action,
    String entity,
    String entityKey,
    @Nullable @MappedProperty("before_json") String before,
    @Nullable @MappedProperty("after_json") String after,
    @Nullable String reason) {}
