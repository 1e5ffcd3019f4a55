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
import io.micronaut.http.annotation.QueryValue;
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
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.IndicatorBinding;
import org.atalaya.survey.WaveDoc;
import org.atalaya.survey.estimate.EstimateKind;
import org.atalaya.web.Pages;

/**
 * The analysts' survey pages: every survey, and one survey's waves and indicator bindings with a
 * form to add each. Forms post, and come back to the page (post/redirect/get) or, refused, with the
 * service's problem beside each field and what was typed kept.
 */
@Controller("/gestion/encuestas")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class SurveyWorkPages {
  static final List<String> WAVE_FIELDS = List.of("code", "name", "periodStart", "periodEnd");
  static final List<String> BIND_FIELDS =
      List.of("indicator", "item", "kind", "value", "weight", "scale");

  private final Pages pages;
  private final SurveyOverviews overviews;
  private final org.atalaya.survey.SurveyAuthoring surveys;
  private final SurveyErrors errors;

  SurveyWorkPages(
      Pages pages,
      SurveyOverviews overviews,
      org.atalaya.survey.SurveyAuthoring surveys,
      SurveyErrors errors) {
    this.pages = pages;
    this.overviews = overviews;
    this.surveys = surveys;
    this.errors = errors;
  }

  @Get
  HttpResponse<String> list(HttpRequest<?> request) throws SQLException {
    return pages.render(HttpStatus.OK, "surveyforms/list", request, overviews.list());
  }

  @Get("/{code}")
  HttpResponse<String> survey(
      HttpRequest<?> request, String code, @Nullable @QueryValue String aviso) throws SQLException {
    var body = overviews.of(request, code, Map.of(), Map.of(), Map.of(), List.of(), aviso);
    return pages.render(HttpStatus.OK, "surveyforms/survey", request, body);
  }

  @Post(value = "/{code}/rondas", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> createWave(HttpRequest<?> request, String code, @Body Map<String, String> post)
      throws SQLException {
    Map<String, String> form = typed(post, WAVE_FIELDS);
    Map<String, String> unreadable = new LinkedHashMap<>();
    for (String d : List.of("periodStart", "periodEnd")) {
      if (!form.get(d).isBlank() && SurveyForm.date(form.get(d)) == null) {
        unreadable.put("wave-" + d, pages.text(request, "surveyForm.error.date"));
      }
    }
    try {
      var doc =
          new WaveDoc(
              form.get("code"),
              form.get("name"),
              SurveyForm.date(form.get("periodStart")),
              SurveyForm.date(form.get("periodEnd")),
              null,
              null);
      if (!unreadable.isEmpty()) {
        throw new ConstraintViolationException(java.util.Set.of());
      }
      surveys.createWave(code, doc);
      return back(code, "ronda");
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, p -> prefixed("wave-", WAVE_FIELDS, p));
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      byField.putAll(unreadable);
      var body = overviews.of(request, code, form, Map.of(), byField, sorted.general(), null);
      return pages.render(status(e), "surveyforms/survey", request, body);
    }
  }

  @Post(value = "/{code}/indicadores", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> bind(HttpRequest<?> request, String code, @Body Map<String, String> post)
      throws SQLException {
    Map<String, String> form = typed(post, BIND_FIELDS);
    Map<String, String> unreadable = new LinkedHashMap<>();
    Double scale = null;
    if (!form.get("scale").isBlank()) {
      try {
        scale = Double.valueOf(form.get("scale").replace(',', '.'));
      } catch (NumberFormatException e) {
        unreadable.put("bind-scale", pages.text(request, "surveyForm.error.number"));
      }
    }
    try {
      var binding =
          new IndicatorBinding(
              form.get("indicator"),
              form.get("item"),
              kind(form.get("kind")),
              blankToNull(form.get("value")),
              blankToNull(form.get("weight")),
              scale);
      if (!unreadable.isEmpty()) {
        throw new ConstraintViolationException(java.util.Set.of());
      }
      surveys.bind(code, binding);
      return back(code, "indicador");
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, p -> prefixed("bind-", BIND_FIELDS, p));
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      byField.putAll(unreadable);
      var body = overviews.of(request, code, Map.of(), form, byField, sorted.general(), null);
      return pages.render(status(e), "surveyforms/survey", request, body);
    }
  }

  private static HttpResponse<?> back(String code, String notice) {
    return HttpResponse.seeOther(
        UriBuilder.of("/gestion/encuestas").path(code).queryParam("aviso", notice).build());
  }

  private static HttpStatus status(RuntimeException e) {
    return e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
  }

  private static @Nullable String prefixed(String prefix, List<String> fields, String path) {
    String p = path.startsWith(".") ? path.substring(1) : path;
    return fields.contains(p) ? prefix + p : null;
  }

  private static Map<String, String> typed(Map<String, String> post, List<String> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach(f -> out.put(f, post.getOrDefault(f, "").strip()));
    return out;
  }

  private static @Nullable EstimateKind kind(String s) {
    for (EstimateKind k : EstimateKind.values()) {
      if (k.name().equals(s)) {
        return k;
      }
    }
    return null;
  }

  private static @Nullable String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
