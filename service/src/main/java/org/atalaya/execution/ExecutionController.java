package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.sql.SQLException;
import java.time.LocalDate;
import org.atalaya.security.Role;

/**
 * Execution of an action card ("ficha") or a priority project: its activities and its budget
 * executed. Anyone reads a published plan's; analysts and administrators record it.
 */
@Controller("/api/plans/{plan}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ejecución de fichas y proyectos")
class ExecutionController {
  private final Execution execution;

  ExecutionController(Execution execution) {
    this.execution = execution;
  }

  @Get("/actions/{action}/execution")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Execution.Part card(
      String plan,
      String action,
      @Nullable @QueryValue LocalDate asOf,
      @Nullable Authentication auth)
      throws SQLException {
    return execution.part(plan, PartKind.CARD, action, auth != null, asOf);
  }

  @Get("/projects/{project}/execution")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Execution.Part project(
      String plan,
      String project,
      @Nullable @QueryValue LocalDate asOf,
      @Nullable Authentication auth)
      throws SQLException {
    return execution.part(plan, PartKind.PROJECT, project, auth != null, asOf);
  }

  @Post("/actions/{action}/execution/activities")
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Activity addCardActivity(String plan, String action, @Body @Valid ActivityForm body)
      throws SQLException {
    return execution.addActivity(plan, PartKind.CARD, action, body);
  }

  @Post("/projects/{project}/execution/activities")
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Activity addProjectActivity(String plan, String project, @Body @Valid ActivityForm body)
      throws SQLException {
    return execution.addActivity(plan, PartKind.PROJECT, project, body);
  }

  @Put("/actions/{action}/execution/activities/{id}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Activity changeCardActivity(String plan, String action, long id, @Body @Valid ActivityForm body)
      throws SQLException {
    return execution.changeActivity(plan, PartKind.CARD, action, id, body);
  }

  @Put("/projects/{project}/execution/activities/{id}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Activity changeProjectActivity(
      String plan, String project, long id, @Body @Valid ActivityForm body) throws SQLException {
    return execution.changeActivity(plan, PartKind.PROJECT, project, id, body);
  }

  @Put("/actions/{action}/execution/budget")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  BudgetLine cardBudget(String plan, String action, @Body @Valid BudgetForm body)
      throws SQLException {
    return execution.saveBudget(plan, PartKind.CARD, action, body);
  }

  @Put("/projects/{project}/execution/budget")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  BudgetLine projectBudget(String plan, String project, @Body @Valid BudgetForm body)
      throws SQLException {
    return execution.saveBudget(plan, PartKind.PROJECT, project, body);
  }
}
