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
import java.util.Set;
import org.atalaya.indicator.IndicatorChanges;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.plan.PlanAuthoring;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;
import org.atalaya.web.authoring.CardPage.ChangeRow;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * An indicator defined in the browser: a new one (usually from its action card), an existing one
 * edited or deleted. The API's own checks judge it; an indicator someone else saved meanwhile is
 * not overwritten: the form comes back with their change shown and what was typed kept.
 */
@Controller("/indicadores")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class IndicatorFormPages {
  private final Pages pages;
  private final IndicatorChanges indicators;
  private final PlanAuthoring authoring;
  private final FormErrors errors;

  IndicatorFormPages(
      Pages pages, IndicatorChanges indicators, PlanAuthoring authoring, FormErrors errors) {
    this.pages = pages;
    this.indicators = indicators;
    this.authoring = authoring;
    this.errors = errors;
  }

  @Get("/nuevo")
  HttpResponse<String> newIndicator(
      HttpRequest<?> request,
      @Nullable @QueryValue String plan,
      @Nullable @QueryValue String ficha) {
    return page(
        request,
        HttpStatus.OK,
        null,
        IndicatorForm.blank(plan, ficha),
        Map.of(),
        List.of(),
        List.of());
  }

  @Post(value = "/nuevo", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, @Body IndicatorForm form) {
    return save(request, null, form);
  }

  @Get("/{code}/editar")
  HttpResponse<String> edit(HttpRequest<?> request, String code) {
    IndicatorDoc doc = indicators.require(code).indicator();
    return page(
        request,
        HttpStatus.OK,
        code,
        IndicatorForm.of(doc, PlanAuthoring.lock(doc)),
        Map.of(),
        List.of(),
        List.of());
  }

  @Post(value = "/{code}/editar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> update(HttpRequest<?> request, String code, @Body IndicatorForm form) {
    return save(request, code, form);
  }

  /** Deletes an indicator with no measurements; one that has them stays, and the form says why. */
  @Post(value = "/{code}/borrar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> delete(HttpRequest<?> request, String code) {
    IndicatorDoc doc = indicators.require(code).indicator();
    try {
      var outcome = indicators.delete(code);
      if (outcome.proposed() != null) {
        return proposed(outcome.proposed());
      }
    } catch (ApiException e) {
      var sorted = errors.sort(request, e, Set.of());
      return page(
          request,
          e.status(),
          code,
          IndicatorForm.of(doc, PlanAuthoring.lock(doc)),
          Map.of(),
          sorted.general(),
          List.of());
    }
    String back =
        doc.actionCard() == null
            ? "/"
            : "/planes/" + doc.actionCard().plan() + "/fichas/" + doc.actionCard().code();
    return HttpResponse.seeOther(UriBuilder.of(back).queryParam("borrado", code).build());
  }

  private HttpResponse<?> save(HttpRequest<?> request, @Nullable String code, IndicatorForm form) {
    Map<String, String> unreadable = new LinkedHashMap<>();
    form.unreadable().forEach((f, key) -> unreadable.put(f, pages.text(request, key)));
    try {
      IndicatorDoc doc = form.toDoc(code);
      // The API's checks run even when a field could not be read, so every problem shows at once.
      authoring.check(doc);
      if (!unreadable.isEmpty()) {
        throw new ConstraintViolationException(Set.of());
      }
      if (code != null && form.base() != null) {
        IndicatorDoc current = indicators.require(code).indicator();
        if (!PlanAuthoring.lock(current).equals(form.base())) {
          throw ApiException.conflict("base", "indicatorEditedMeanwhile", code);
        }
      }
      var outcome = indicators.save(code, doc);
      if (outcome.proposed() != null) {
        // A published plan's new indicator: its targets next, into the same proposal.
        return code == null
            ? HttpResponse.seeOther(
                UriBuilder.of("/indicadores/" + doc.code() + "/metas")
                    .queryParam("propuesto", "1")
                    .build())
            : proposed(outcome.proposed());
      }
      IndicatorDoc saved = outcome.applied();
      String next =
          code == null ? "/indicadores/" + saved.code() + "/metas" : "/indicadores/" + saved.code();
      return HttpResponse.seeOther(UriBuilder.of(next).queryParam("guardado", "1").build());
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, IndicatorForm.FIELDS);
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      unreadable.forEach(byField::put);
      List<ChangeRow> theirs = List.of();
      IndicatorForm again = form;
      boolean meanwhile =
          e instanceof ApiException a
              && a.fieldErrors().stream()
                  .anyMatch(f -> f.code().equals("indicatorEditedMeanwhile"));
      if (meanwhile) {
        IndicatorDoc current = indicators.require(code).indicator();
        theirs =
            FieldNames.rows(
                PlanAuthoring.changedSince(form.base(), current), pages.locale(request));
        again = form.withBase(PlanAuthoring.lock(current));
      }
      HttpStatus status =
          e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
      return page(request, status, code, again, byField, sorted.general(), theirs);
    }
  }

  /** After a write that became part of the plan's proposal: the proposal, field by field. */
  static HttpResponse<?> proposed(Change change) {
    return HttpResponse.seeOther(
        UriBuilder.of("/planes/" + change.plan() + "/cambios/" + change.id()).build());
  }

  /** Where the change that awaits approval of this indicator is shown, if one does. */
  static @Nullable String pending(IndicatorChanges indicators, @Nullable String code) {
    if (code == null) {
      return null;
    }
    return indicators
        .working(code)
        .map(IndicatorChanges.Working::pending)
        .map(c -> "/planes/" + c.plan() + "/cambios/" + c.id())
        .orElse(null);
  }

  /** Whether saving the form proposes rather than saves: its card's plan is published. */
  private boolean controlled(@Nullable String plan) {
    if (plan == null || plan.isBlank()) {
      return false;
    }
    try {
      return authoring.controlled(plan.strip());
    } catch (ApiException e) {
      return false; // an unknown plan: the form says so beside its field when saved
    }
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      HttpStatus status,
      @Nullable String code,
      IndicatorForm form,
      Map<String, String> fieldErrors,
      List<String> general,
      List<ChangeRow> theirs) {
    List<Choice> institutions =
        authoring.institutions().stream()
            .map(i -> new Choice(i.code(), i.name() + " (" + i.code() + ")"))
            .toList();
    String back =
        code != null
            ? "/indicadores/" + code
            : form.actionCardPlan() != null && form.actionCardCode() != null
                ? "/planes/" + form.actionCardPlan() + "/fichas/" + form.actionCardCode()
                : null;
    String action = code == null ? "/indicadores/nuevo" : "/indicadores/" + code + "/editar";
    var body =
        new IndicatorFormPage(
            action,
            code == null,
            back,
            institutions,
            form,
            fieldErrors,
            general,
            theirs,
            pending(indicators, code),
            controlled(form.actionCardPlan()));
    return pages.render(status, "authoring/indicator", request, body);
  }
}
