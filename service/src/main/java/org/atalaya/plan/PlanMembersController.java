package org.atalaya.plan;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.atalaya.security.Role;

/**
 * Who may work on a plan before it is published. An empty list opens it to all staff again.
 * Administrators only.
 */
@Controller("/api/plans/{code}/members")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Planes")
class PlanMembersController {
  private final PlanMembers members;

  PlanMembersController(PlanMembers members) {
    this.members = members;
  }

  @Get
  @Secured(Role.ADMIN_NAME)
  List<String> list(String code) {
    return members.list(code);
  }

  /** Replaces the members: the usernames of existing accounts, each once. */
  @Put
  @Secured(Role.ADMIN_NAME)
  List<String> replace(String code, @Body List<String> usernames) {
    return members.replace(code, usernames);
  }
}
