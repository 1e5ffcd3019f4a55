package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.plan.PlanChanges.Version;
import org.atalaya.security.Role;

/**
 * Proposed changes to a published plan, their field-by-field difference, the committee's or an
 * administrator's decision, and every version the plan has had.
 */
@Controller("/api/plans/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Cambios de un plan publicado")
class PlanChangeController {
  private final PlanChanges changes;

  PlanChangeController(PlanChanges changes) {
    this.changes = changes;
  }

  @Serdeable
  record Decision(@Nullable @Size(max = PlanDocuments.MAX_TEXT) String reason) {}

  @Get("/changes")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<Change> list(String code) {
    return changes.list(code);
  }

  @Get("/changes/{id}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  Change get(String code, long id) {
    return changes.get(code, id);
  }

  @Post("/changes/{id}/approve")
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  Change approve(String code, long id, @Nullable @Body @Valid Decision decision) {
    return changes.approve(code, id, decision == null ? null : decision.reason());
  }

  @Post("/changes/{id}/reject")
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  Change reject(String code, long id, @Nullable @Body @Valid Decision decision) {
    return changes.reject(code, id, decision == null ? null : decision.reason());
  }

  @Get("/versions")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<Version> versions(String code) {
    return changes.versions(code);
  }

  @Get("/versions/{version}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  PlanDocument version(String code, long version) {
    return changes.version(code, version);
  }
}
