package org.atalaya.web.authoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atalaya.plan.PlanAuthoring;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;
import org.atalaya.web.authoring.CardPage.ChangeRow;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * A priority project (the guide's step 5) written in the browser: created, edited, removed. The
 * API's checks judge it; on a published plan the save becomes the plan's proposal; a project
 * someone else saved meanwhile is not overwritten: the form comes back with their change and what
 * was typed.
 */
@Controller("/planes/{plan}/proyectos")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class ProjectFormPages {
  private final Pages pages;
  private final PlanAuthoring authoring;
  private final FormErrors errors;

  ProjectFormPages(Pages pages, PlanAuthoring authoring, FormErrors errors) {
    this.pages = pages;
    this.authoring = authoring;
    this.errors = errors;
  }

  @Get("/nuevo")
  HttpResponse<String> newProject(
      HttpRequest<?> request, String plan, @Nullable @QueryValue String eje) {
    ProjectForm form = ProjectForm.empty(eje);
    return page(request, HttpStatus.OK, plan, null, form, Map.of(), List.of(), List.of());
  }

  @Post(value = "/nuevo", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, String plan, @Body ProjectForm form) {
    return save(request, plan, null, form);
  }

  @Get("/{project}/editar")
  HttpResponse<String> edit(HttpRequest<?> request, String plan, String project) {
    ProjectDoc doc = require(plan, project);
    ProjectForm form = ProjectForm.of(doc, PlanAuthoring.lock(doc));
    return page(request, HttpStatus.OK, plan, project, form, Map.of(), List.of(), List.of());
  }

  @Post(value = "/{project}/editar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> update(
      HttpRequest<?> request, String plan, String project, @Body ProjectForm form) {
    require(plan, project);
    return save(request, plan, project, form);
  }

  @Post(value = "/{project}/borrar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> delete(HttpRequest<?> request, String plan, String project) {
    require(plan, project);
    return done(plan, project, authoring.deleteProject(plan, project));
  }

  private HttpResponse<?> save(
      HttpRequest<?> request, String plan, @Nullable String project, ProjectForm form) {
    Map<String, String> unreadable = new LinkedHashMap<>();
    form.unreadable().forEach((f, u) -> unreadable.put(f, pages.text(request, u.key(), u.args())));
    try {
      ProjectDoc doc = form.toDoc(project);
      if (!unreadable.isEmpty()) {
        // The API's checks still run first, so every problem shows at once.
        authoring.check(doc);
        throw new ConstraintViolationException(Set.of());
      }
      return done(plan, doc.code(), authoring.saveProject(plan, project, doc, form.base()));
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, ProjectForm.FIELDS);
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      byField.putAll(unreadable);
      List<ChangeRow> theirs = List.of();
      ProjectForm again = form;
      if (e instanceof ApiException a && project != null && editedMeanwhile(a)) {
        ProjectDoc current = require(plan, project);
        theirs =
            FieldNames.rows(
                PlanAuthoring.changedSince(form.base() == null ? "" : form.base(), current),
                pages.locale(request));
        again = form.withBase(PlanAuthoring.lock(current));
      }
      HttpStatus status =
          e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
      return page(request, status, plan, project, again, byField, sorted.general(), theirs);
    }
  }

  private static boolean editedMeanwhile(ApiException e) {
    return e.fieldErrors().stream().anyMatch(f -> f.code().equals("projectEditedMeanwhile"));
  }

  private static HttpResponse<?> done(String plan, String code, Optional<Change> proposed) {
    return HttpResponse.seeOther(
        proposed
            .map(c -> UriBuilder.of("/planes/" + plan + "/cambios/" + c.id()).build())
            .orElseGet(
                () ->
                    UriBuilder.of("/planes/" + plan + "/editar")
                        .queryParam("guardada", code)
                        .fragment("proyectos")
                        .build()));
  }

  private ProjectDoc require(String plan, String project) {
    return authoring
        .project(plan, project)
        .orElseThrow(() -> ApiException.notFound("project", project));
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      @Nullable String project,
      ProjectForm form,
      Map<String, String> fieldErrors,
      List<String> general,
      List<ChangeRow> theirs) {
    PlanDocument doc = authoring.working(plan);
    List<Choice> axes =
        doc.axes().stream().map(a -> new Choice(a.code(), a.code() + " — " + a.name())).toList();
    List<Choice> institutions =
        authoring.institutions().stream()
            .map(i -> new Choice(i.code(), i.name() + " (" + i.code() + ")"))
            .toList();
    String action =
        project == null
            ? "/planes/" + plan + "/proyectos/nuevo"
            : "/planes/" + plan + "/proyectos/" + project + "/editar";
    var body =
        new ProjectPage(
            plan,
            doc.plan().name(),
            action,
            project == null ? "" : project,
            project == null,
            authoring.controlled(plan),
            axes,
            institutions,
            form.base() == null ? "" : form.base(),
            form.values(),
            fieldErrors,
            general,
            theirs);
    return pages.render(status, "authoring/project", request, body);
  }
}
