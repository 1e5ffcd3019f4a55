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
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Dates;
import org.atalaya.survey.ServerDoc;
import org.atalaya.survey.SurveyAuthoring;
import org.atalaya.survey.SurveyAuthoring.Pulled;
import org.atalaya.web.Pages;
import org.atalaya.web.surveyforms.SurveyWorkPage.Choice;

/**
 * A survey's server in the browser: the settings (Kobo asset uid and token, or ODK project, form,
 * e-mail and password — written, never shown again), and "Traer ahora": the pull's dry run with its
 * report, then the same pull confirmed, through the same ingestion as an uploaded file.
 */
@Controller("/gestion/encuestas/{code}/servidor")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class SurveyServerPages {
  static final List<String> FIELDS =
      List.of(
          "kind",
          "url",
          "project",
          "form",
          "mapping",
          "scheduledWave",
          "token",
          "email",
          "password");

  private final Pages pages;
  private final SurveyAuthoring surveys;
  private final SurveyErrors errors;

  SurveyServerPages(Pages pages, SurveyAuthoring surveys, SurveyErrors errors) {
    this.pages = pages;
    this.surveys = surveys;
    this.errors = errors;
  }

  @Get
  HttpResponse<String> show(HttpRequest<?> request, String code, @Nullable @QueryValue String aviso)
      throws SQLException {
    String notice = "guardado".equals(aviso) ? "surveyForm.server.saved" : null;
    return render(request, HttpStatus.OK, code, null, Map.of(), List.of(), null, null, notice);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> save(HttpRequest<?> request, String code, @Body Map<String, String> post)
      throws SQLException, IOException {
    Map<String, String> form = new LinkedHashMap<>();
    FIELDS.forEach(f -> form.put(f, post.getOrDefault(f, "").strip()));
    try {
      ServerDoc.Kind kind =
          "ODK".equals(form.get("kind"))
              ? ServerDoc.Kind.ODK
              : "KOBO".equals(form.get("kind")) ? ServerDoc.Kind.KOBO : null;
      surveys.saveServer(
          code,
          new ServerDoc(
              kind,
              form.get("url"),
              blank(form.get("project")),
              form.get("form"),
              blank(form.get("mapping")),
              blank(form.get("scheduledWave")),
              blank(form.get("token")),
              blank(form.get("email")),
              blank(form.get("password"))));
      return HttpResponse.seeOther(
          UriBuilder.of("/gestion/encuestas")
              .path(code)
              .path("servidor")
              .queryParam("aviso", "guardado")
              .build());
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, SurveyErrors.among(FIELDS));
      // Credentials are never sent back to the page, not even as typed.
      form.put("token", "");
      form.put("password", "");
      return render(
          request, status(e), code, form, sorted.byField(), sorted.general(), null, null, null);
    }
  }

  /** "Traer ahora": the dry run, whose report the analyst reads before confirming. */
  @Post(value = "/traer", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> pull(HttpRequest<?> request, String code, @Body Map<String, String> post)
      throws SQLException, IOException {
    return pull(request, code, post.getOrDefault("ronda", ""), true);
  }

  @Post(value = "/traer/confirmar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> confirm(HttpRequest<?> request, String code, @Body Map<String, String> post)
      throws SQLException, IOException {
    return pull(request, code, post.getOrDefault("ronda", ""), false);
  }

  private HttpResponse<String> pull(
      HttpRequest<?> request, String code, String wave, boolean dryRun)
      throws SQLException, IOException {
    try {
      Pulled pulled = surveys.pull(code, wave, dryRun, pages.locale(request));
      HttpStatus status =
          dryRun || pulled.upload().committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
      return render(request, status, code, null, Map.of(), List.of(), pulled, wave, null);
    } catch (ApiException e) {
      var sorted = errors.sort(request, e, p -> null);
      return render(request, status(e), code, null, Map.of(), sorted.general(), null, wave, null);
    }
  }

  private HttpResponse<String> render(
      HttpRequest<?> request,
      HttpStatus status,
      String code,
      @Nullable Map<String, String> typed,
      Map<String, String> fieldErrors,
      List<String> general,
      @Nullable Pulled pulled,
      @Nullable String wave,
      @Nullable String notice)
      throws SQLException {
    var survey = surveys.survey(code);
    var stored = surveys.server(code).orElse(null);
    Map<String, String> form = typed;
    if (form == null) {
      form = new LinkedHashMap<>();
      form.put("kind", stored == null ? "KOBO" : stored.kind().name());
      form.put("url", stored == null ? "" : stored.url());
      form.put("project", stored == null || stored.project() == null ? "" : stored.project());
      form.put("form", stored == null ? "" : stored.form());
      form.put("mapping", stored == null || stored.mapping() == null ? "" : stored.mapping());
      form.put(
          "scheduledWave",
          stored == null || stored.scheduledWave() == null ? "" : stored.scheduledWave());
    }
    String last =
        stored == null || stored.lastPullAt() == null
            ? null
            : Dates.moment(stored.lastPullAt(), pages.locale(request))
                + (stored.lastPull() == null ? "" : " · " + stored.lastPull());
    List<Choice> waves =
        surveys.waves(code).stream().map(w -> new Choice(w.code(), w.name())).toList();
    List<Choice> mappings =
        surveys.mappings(code).stream().map(m -> new Choice(m.name(), m.name())).toList();
    var body =
        new ServerPage(
            code,
            survey.name(),
            stored,
            last,
            form,
            fieldErrors,
            general,
            waves,
            mappings,
            pulled,
            wave,
            notice);
    return pages.render(status, "surveyforms/server", request, body);
  }

  private static HttpStatus status(RuntimeException e) {
    return e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
  }

  private static @Nullable String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
