package org.atalaya.web.surveyforms;

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
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.SurveyAuthoring;
import org.atalaya.survey.SurveyDoc;
import org.atalaya.web.Pages;

/**
 * A survey defined in the browser: its items with value labels and missing codes, and its design.
 * The API's own checks judge it; a survey someone else saved meanwhile is not overwritten: the form
 * comes back with their change shown and what was typed kept.
 */
@Controller("/gestion/encuestas")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class SurveyDefinitionPages {
  private final Pages pages;
  private final SurveyAuthoring surveys;
  private final SurveyErrors errors;

  SurveyDefinitionPages(Pages pages, SurveyAuthoring surveys, SurveyErrors errors) {
    this.pages = pages;
    this.surveys = surveys;
    this.errors = errors;
  }

  @Get("/nueva")
  HttpResponse<String> newSurvey(HttpRequest<?> request) {
    return page(request, HttpStatus.OK, null, SurveyForm.blank(), Map.of(), List.of(), List.of());
  }

  @Post(value = "/nueva", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> post)
      throws SQLException {
    return save(request, null, SurveyForm.posted(post));
  }

  @Get("/{code}/editar")
  HttpResponse<String> edit(HttpRequest<?> request, String code) throws SQLException {
    SurveyDoc doc = surveys.survey(code);
    var form = SurveyForm.of(doc, SurveyLock.of(doc));
    return page(request, HttpStatus.OK, code, form, Map.of(), List.of(), List.of());
  }

  @Post(value = "/{code}/editar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> update(HttpRequest<?> request, String code, @Body Map<String, String> post)
      throws SQLException {
    surveys.survey(code);
    return save(request, code, SurveyForm.posted(post));
  }

  private HttpResponse<?> save(HttpRequest<?> request, @Nullable String code, SurveyForm form)
      throws SQLException {
    Map<String, String> unreadable = new LinkedHashMap<>();
    form.unreadable().forEach((f, key) -> unreadable.put(f, pages.text(request, key)));
    try {
      SurveyDoc doc = form.toDoc(code);
      // The API's checks run even when a field could not be read, so every problem shows at once.
      surveys.check(doc);
      if (!unreadable.isEmpty()) {
        throw new ConstraintViolationException(Set.of());
      }
      String base = form.get("base");
      if (code != null && !base.isBlank() && !SurveyLock.of(surveys.survey(code)).equals(base)) {
        throw ApiException.conflict("base", "surveyForm.editedMeanwhile", code);
      }
      SurveyDoc saved = surveys.save(code, doc);
      return HttpResponse.seeOther(
          UriBuilder.of("/gestion/encuestas")
              .path(saved.code())
              .queryParam("aviso", "guardada")
              .build());
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, path -> SurveyErrors.surveyField(path, form));
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      unreadable.forEach(byField::put);
      List<SurveyLock.Change> theirs = List.of();
      SurveyForm again = form;
      if (code != null
          && e instanceof ApiException a
          && a.fieldErrors().stream()
              .anyMatch(f -> f.code().equals("surveyForm.editedMeanwhile"))) {
        SurveyDoc current = surveys.survey(code);
        theirs = SurveyLock.changedSince(form.get("base"), current, pages.locale(request));
        again = form.withBase(SurveyLock.of(current));
      }
      HttpStatus status =
          e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
      return page(request, status, code, again, byField, sorted.general(), theirs);
    }
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      HttpStatus status,
      @Nullable String code,
      SurveyForm form,
      Map<String, String> fieldErrors,
      List<String> general,
      List<SurveyLock.Change> theirs) {
    String back = code == null ? "/gestion/encuestas" : "/gestion/encuestas/" + code;
    String action =
        code == null ? "/gestion/encuestas/nueva" : "/gestion/encuestas/" + code + "/editar";
    var body = new SurveyFormPage(action, code == null, back, form, fieldErrors, general, theirs);
    return pages.render(status, "surveyforms/form", request, body);
  }
}
