package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Supplier;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.security.Role;

/** A plan's axes, action cards ("fichas") and priority projects, one at a time. */
@Controller("/api/plans/{plan}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ejes, fichas y proyectos")
class PlanPartsController {
  private final PlanPartsService parts;
  private final PlanChanges changes;

  PlanPartsController(PlanPartsService parts, PlanChanges changes) {
    this.parts = parts;
    this.changes = changes;
  }

  /** Writes to a published plan answer 202 with the proposal they made (see PlanChanges). */
  private <T> HttpResponse<Object> write(String plan, HttpStatus ok, Supplier<T> write) {
    return PlanChanges.respond(changes.write(plan, write), ok);
  }

  @Get("/axes")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<AxisDoc> axes(String plan, @Nullable Authentication auth) {
    return parts.axes(plan, auth != null);
  }

  @Post("/axes")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> createAxis(String plan, @Body @Valid AxisDoc axis) {
    return write(plan, HttpStatus.CREATED, () -> parts.saveAxis(plan, null, axis));
  }

  @Put("/axes/{axis}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> updateAxis(String plan, String axis, @Body @Valid AxisDoc body) {
    return write(plan, HttpStatus.OK, () -> parts.saveAxis(plan, axis, body));
  }

  @Delete("/axes/{axis}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> deleteAxis(String plan, String axis) {
    return write(plan, HttpStatus.NO_CONTENT, () -> parts.deleteAxis(plan, axis));
  }

  /** Moves an axis one place: {@code by=-1} up, {@code by=1} down. Answers the axes' order. */
  @Post("/axes/{axis}/move")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> moveAxis(String plan, String axis, @QueryValue int by) {
    return write(plan, HttpStatus.OK, () -> parts.moveAxis(plan, axis, by));
  }

  @Post("/axes/{axis}/actions")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> createCard(String plan, String axis, @Body @Valid ActionCardDoc card) {
    return write(plan, HttpStatus.CREATED, () -> parts.saveCard(plan, axis, null, card));
  }

  @Get("/actions/{action}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ActionCardDoc card(String plan, String action, @Nullable Authentication auth) {
    return parts.card(plan, action, auth != null);
  }

  @Put("/actions/{action}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> updateCard(String plan, String action, @Body @Valid ActionCardDoc card) {
    return write(plan, HttpStatus.OK, () -> parts.saveCard(plan, null, action, card));
  }

  @Delete("/actions/{action}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> deleteCard(String plan, String action) {
    return write(plan, HttpStatus.NO_CONTENT, () -> parts.deleteCard(plan, action));
  }

  @Get("/projects")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<ProjectDoc> projects(String plan, @Nullable Authentication auth) {
    return parts.projects(plan, auth != null);
  }

  @Get("/projects/{project}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ProjectDoc project(String plan, String project, @Nullable Authentication auth) {
    return parts.project(plan, project, auth != null);
  }

  @Post("/projects")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> createProject(String plan, @Body @Valid ProjectDoc project) {
    return write(plan, HttpStatus.CREATED, () -> parts.saveProject(plan, null, project));
  }

  @Put("/projects/{project}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> updateProject(String plan, String project, @Body @Valid ProjectDoc body) {
    return write(plan, HttpStatus.OK, () -> parts.saveProject(plan, project, body));
  }

  @Delete("/projects/{project}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> deleteProject(String plan, String project) {
    return write(plan, HttpStatus.NO_CONTENT, () -> parts.deleteProject(plan, project));
  }
}
