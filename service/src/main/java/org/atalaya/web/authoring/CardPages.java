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
import org.atalaya.plan.PlanAuthoring;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * The guide's ficha, written in the browser: a new card in an axis, or an existing one edited. The
 * API's checks judge it; a published plan's card becomes a proposal; a card someone else saved
 * meanwhile is not overwritten: the form comes back with their change shown and what was typed
 * kept.
 */
@Controller("/planes/{plan}")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class CardPages {
  private final Pages pages;
  private final PlanAuthoring authoring;
  private final FormErrors errors;

  CardPages(Pages pages, PlanAuthoring authoring, FormErrors errors) {
    this.pages = pages;
    this.authoring = authoring;
    this.errors = errors;
  }

  @Get("/ejes/{axis}/fichas/nueva")
  HttpResponse<String> newCard(HttpRequest<?> request, String plan, String axis) {
    return page(
        request, HttpStatus.OK, plan, axis, null, CardForm.blank(), Map.of(), List.of(), List.of());
  }

  @Post(value = "/ejes/{axis}/fichas/nueva", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, String plan, String axis, @Body CardForm form) {
    return save(request, plan, axis, null, form);
  }

  @Get("/fichas/{card}/editar")
  HttpResponse<String> edit(HttpRequest<?> request, String plan, String card) {
    ActionCardDoc doc = require(plan, card);
    var form = CardForm.of(doc, PlanAuthoring.lock(doc));
    return page(
        request,
        HttpStatus.OK,
        plan,
        axisOf(plan, card),
        card,
        form,
        Map.of(),
        List.of(),
        List.of());
  }

  @Post(value = "/fichas/{card}/editar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> update(HttpRequest<?> request, String plan, String card, @Body CardForm form) {
    return save(request, plan, axisOf(plan, card), card, form);
  }

  private HttpResponse<?> save(
      HttpRequest<?> request, String plan, String axis, @Nullable String card, CardForm form) {
    Map<String, String> unreadable = new LinkedHashMap<>();
    form.unreadable().forEach((f, key) -> unreadable.put(f, pages.text(request, key)));
    try {
      ActionCardDoc doc = form.toDoc(card);
      if (!unreadable.isEmpty()) {
        // The API's checks still run first, so every problem shows at once.
        authoring.check(doc);
        throw new ConstraintViolationException(java.util.Set.of());
      }
      Optional<Change> proposed =
          authoring.saveCard(plan, card == null ? axis : null, card, doc, form.base());
      String code = doc.code();
      return HttpResponse.seeOther(
          proposed
              .map(c -> UriBuilder.of("/planes/" + plan + "/cambios/" + c.id()).build())
              .orElseGet(
                  () ->
                      UriBuilder.of("/planes/" + plan + "/editar")
                          .queryParam("guardada", code)
                          .build()));
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, CardForm.FIELDS);
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      byField.putAll(unreadable);
      List<CardPage.ChangeRow> theirs = List.of();
      CardForm again = form;
      if (e instanceof ApiException a && isEditedMeanwhile(a) && card != null) {
        ActionCardDoc current = require(plan, card);
        theirs =
            FieldNames.rows(
                PlanAuthoring.changedSince(form.base() == null ? "" : form.base(), current),
                pages.locale(request));
        again = form.withBase(PlanAuthoring.lock(current));
      }
      HttpStatus status =
          e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
      return page(request, status, plan, axis, card, again, byField, sorted.general(), theirs);
    }
  }

  private static boolean isEditedMeanwhile(ApiException e) {
    return e.fieldErrors().stream().anyMatch(f -> f.code().equals("editedMeanwhile"));
  }

  private ActionCardDoc require(String plan, String card) {
    return authoring.card(plan, card).orElseThrow(() -> ApiException.notFound("action", card));
  }

  private String axisOf(String plan, String card) {
    return authoring.axisOf(plan, card).orElseThrow(() -> ApiException.notFound("action", card));
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      String axis,
      @Nullable String card,
      CardForm form,
      Map<String, String> fieldErrors,
      List<String> general,
      List<CardPage.ChangeRow> theirs) {
    PlanDocument doc = authoring.working(plan);
    String axisName =
        doc.axes().stream()
            .filter(a -> a.code().equals(axis))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("axis", axis))
            .name();
    List<Choice> institutions =
        authoring.institutions().stream()
            .map(i -> new Choice(i.code(), i.name() + " (" + i.code() + ")"))
            .toList();
    String action =
        card == null
            ? "/planes/" + plan + "/ejes/" + axis + "/fichas/nueva"
            : "/planes/" + plan + "/fichas/" + card + "/editar";
    var body =
        new CardPage(
            plan,
            doc.plan().name(),
            axisName,
            action,
            card == null,
            authoring.controlled(plan),
            institutions,
            form,
            fieldErrors,
            general,
            theirs);
    return pages.render(status, "authoring/card", request, body);
  }
}
