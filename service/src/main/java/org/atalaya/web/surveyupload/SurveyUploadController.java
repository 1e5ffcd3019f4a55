package org.atalaya.web.surveyupload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.survey.ImportReport;
import org.atalaya.survey.SurveyUploads;
import org.atalaya.web.Pages;
import org.atalaya.web.surveyupload.SurveyUploadPage.MappingForm;
import org.atalaya.web.upload.UploadStash;

/**
 * A survey wave's microdata, for people: choose the survey, the wave and a saved column mapping (or
 * save one), send the file, read the dry run's preview with its row-by-row problems, confirm. The
 * confirmed load reads the very file previewed, with the wave and mapping it was previewed with.
 */
@Controller("/datos/encuestas")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class SurveyUploadController {
  private final Pages pages;
  private final SurveyUploads surveys;
  private final SurveyUploadPageBuilder views;
  private final UploadStash stash;
  private final ProblemResponses problems;

  SurveyUploadController(
      Pages pages,
      SurveyUploads surveys,
      SurveyUploadPageBuilder views,
      UploadStash stash,
      ProblemResponses problems) {
    this.pages = pages;
    this.surveys = surveys;
    this.views = views;
    this.stash = stash;
    this.problems = problems;
  }

  /** The url-encoded forms, bound as records (the CSRF filter has already read the body). */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MappingPost(
      @Nullable String name,
      @Nullable String format,
      @Nullable String respondentId,
      @Nullable String columns) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ConfirmPost(@Nullable String id, @Nullable String ronda, @Nullable String mapeo) {}

  @Get
  HttpResponse<String> list(HttpRequest<?> request) throws SQLException {
    return views.render(request, HttpStatus.OK, views.list(request));
  }

  @Get("/{code}")
  HttpResponse<String> survey(
      HttpRequest<?> request,
      String code,
      @Nullable @QueryValue String ronda,
      @Nullable @QueryValue String mapeo)
      throws SQLException {
    return views.render(request, HttpStatus.OK, views.survey(request, code, ronda, mapeo));
  }

  @Post(value = "/{code}/mapeos", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> saveMapping(HttpRequest<?> request, String code, @Body MappingPost post)
      throws SQLException {
    var form =
        new MappingForm(
            text(post.name()),
            text(post.format()),
            text(post.respondentId()),
            text(post.columns()));
    try {
      surveys.saveMapping(code, MappingText.parse(form));
      return HttpResponse.seeOther(
          UriBuilder.of("/datos/encuestas").path(code).queryParam("mapeo", form.name()).build());
    } catch (ApiException e) {
      var page = views.survey(request, code, null, null);
      var body = page.with(null, null, problems.of(request, e).body().errors(), form, null);
      return views.render(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    }
  }

  @Post(value = "/{code}", consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<String> preview(
      HttpRequest<?> request,
      Authentication auth,
      String code,
      @Nullable @Part("ronda") String ronda,
      @Nullable @Part("mapeo") String mapeo,
      @Nullable @Part("archivo") CompletedFileUpload archivo)
      throws SQLException, IOException {
    String mapping = blankToNull(mapeo);
    SurveyUploadPage page = views.survey(request, code, ronda, mapping);
    if (archivo == null || archivo.getFilename() == null || archivo.getFilename().isBlank()) {
      return refused(request, page, "archivo", "web.upload.noFile");
    }
    if (ronda == null || ronda.isBlank()) {
      return refused(request, page, "ronda", "web.upload.survey.noWave");
    }
    String purpose = purpose(code, ronda, mapping);
    String id = stash.keep(archivo, auth.getName(), purpose);
    var held = stash.find(id, auth.getName(), purpose).orElseThrow();
    try {
      ImportReport report =
          surveys.load(code, ronda, mapping, held.name(), held.path(), true, pages.locale(request));
      boolean storable = report.rejected() == 0 && report.accepted() > 0;
      if (!storable) {
        stash.drop(id);
      }
      var body = page.with(report, storable ? id : null, List.of(), page.mappingForm(), null);
      return views.render(request, HttpStatus.OK, body);
    } catch (ApiException e) {
      stash.drop(id);
      var body =
          page.with(null, null, problems.of(request, e).body().errors(), page.mappingForm(), null);
      return views.render(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    }
  }

  @Post(value = "/{code}/confirmar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> commit(
      HttpRequest<?> request, Authentication auth, String code, @Body ConfirmPost post)
      throws SQLException, IOException {
    String id = post.id();
    String ronda = post.ronda();
    String mapeo = post.mapeo();
    String mapping = blankToNull(mapeo);
    SurveyUploadPage page = views.survey(request, code, ronda, mapping);
    var held = stash.find(id, auth.getName(), purpose(code, text(ronda), mapping));
    if (held.isEmpty()) {
      return refused(request, page, "archivo", "web.upload.expired");
    }
    try {
      ImportReport report =
          surveys.load(
              code,
              ronda,
              mapping,
              held.get().name(),
              held.get().path(),
              false,
              pages.locale(request));
      stash.drop(id);
      HttpStatus status = report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
      return views.render(
          request, status, page.with(report, null, List.of(), page.mappingForm(), null));
    } catch (ApiException e) {
      stash.drop(id);
      var body =
          page.with(null, null, problems.of(request, e).body().errors(), page.mappingForm(), null);
      return views.render(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    }
  }

  private HttpResponse<String> refused(
      HttpRequest<?> request, SurveyUploadPage page, String field, String key) {
    var violation = new Problem.Violation(field, key, pages.text(request, key));
    var body = page.with(null, null, List.of(violation), page.mappingForm(), null);
    return views.render(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
  }

  /** A kept file serves only the survey, wave and mapping it was previewed with. */
  private static String purpose(String code, String wave, @Nullable String mapping) {
    return "survey:" + code + "/" + wave + "/" + (mapping == null ? "" : mapping);
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
