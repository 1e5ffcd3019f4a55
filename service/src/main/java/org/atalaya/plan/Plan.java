package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** The municipality's plan. {@code version} counts its changes. */
@MappedEntity("plan")
record Plan(
    @Nullable @Id @GeneratedValue Long id,
    String code,
    String name,
    Long territoryId,
    LocalDate periodStart,
    LocalDate periodEnd,
    PlanStatus status,
    @Nullable String description,
    long version) {

  boolean isPublic() {
    return status == PlanStatus.PUBLISHED;
  }
}
