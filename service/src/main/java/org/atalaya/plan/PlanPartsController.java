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
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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

  PlanPartsController(PlanPartsService parts) {
    this.parts = parts;
  }

  @Get("/axes")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<AxisDoc> axes(String plan, @Nullable Authentication auth) {
    return parts.axes(plan, auth != null);
  }

  @Post("/axes")
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  AxisDoc createAxis(String plan, @Body @Valid AxisDoc axis) {
    return parts.saveAxis(plan, null, axis);
  }

  @Put("/axes/{axis}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  AxisDoc updateAxis(String plan, String axis, @Body @Valid AxisDoc body) {
    return parts.saveAxis(plan, axis, body);
  }

  @Delete("/axes/{axis}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Void> deleteAxis(String plan, String axis) {
    parts.deleteAxis(plan, axis);
    return HttpResponse.noContent();
  }

  @Post("/axes/{axis}/actions")
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  ActionCardDoc createCard(String plan, String axis, @Body @Valid ActionCardDoc card) {
    return parts.saveCard(plan, axis, null, card);
  }

  @Get("/actions/{action}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ActionCardDoc card(String plan, String action, @Nullable Authentication auth) {
    return parts.card(plan, action, auth != null);
  }

  @Put("/actions/{action}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  ActionCardDoc updateCard(String plan, String action, @Body @Valid ActionCardDoc card) {
    return parts.saveCard(plan, null, action, card);
  }

  @Delete("/actions/{action}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Void> deleteCard(String plan, String action) {
    parts.deleteCard(plan, action);
    return HttpResponse.noContent();
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
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  ProjectDoc createProject(String plan, @Body @Valid ProjectDoc project) {
    return parts.saveProject(plan, null, project);
  }

  @Put("/projects/{project}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  ProjectDoc updateProject(String plan, String project, @Body @Valid ProjectDoc body) {
    return parts.saveProject(plan, project, body);
  }

  @Delete("/projects/{project}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Void> deleteProject(String plan, String project) {
    parts.deleteProject(plan, project);
    return HttpResponse.noContent();
  }
}
