package org.atalaya.web.upload;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.MeasurementImport;
import org.atalaya.measurement.UploadView;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.web.Csrf;
import org.atalaya.web.Pages;
import org.atalaya.web.entry.EntryPage;

/**
 * Measurements from a CSV or XLSX, for people: the file is first read as a dry run and shown row by
 * row with its problems; the person fixes it and sends it again, or confirms, and the same bytes
 * they saw are loaded through the same checks as the API's upload.
 */
@Controller("/datos/cargas")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class UploadController {
  static final String PURPOSE = "measurements";
  private static final String VIEW = "upload/upload";

  private final Pages pages;
  private final Csrf csrf;
  private final UploadStash stash;
  private final MeasurementImport measurements;
  private final ProblemResponses problems;
  private final IndicatorService indicators;

  UploadController(
      Pages pages,
      Csrf csrf,
      UploadStash stash,
      MeasurementImport measurements,
      ProblemResponses problems,
      IndicatorService indicators) {
    this.indicators = indicators;
    this.pages = pages;
    this.csrf = csrf;
    this.stash = stash;
    this.measurements = measurements;
    this.problems = problems;
  }

  /**
   * What the confirm buttons post: the kept file and whether only its good rows are wanted. A
   * record bound from the body, as the CSRF filter has already read the form.
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Confirm(@Nullable String id, @Nullable String keepValid, @Nullable String reason) {
    @Nullable
    String why() {
      return UploadController.why(reason);
    }
  }

  /** A reason as typed, or none when blank. */
  @Nullable
  static String why(@Nullable String reason) {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }

  /** The form; after a confirmed load (post/redirect/get), with what the load did. */
  @Get
  HttpResponse<String> form(
      HttpRequest<?> request,
      @Nullable @QueryValue Integer nuevas,
      @Nullable @QueryValue Integer revisadas,
      @Nullable @QueryValue Integer iguales) {
    UploadPage body = UploadPage.empty(action(request));
    if (nuevas != null && revisadas != null && iguales != null) {
      body = body.withDone(pages.text(request, "web.upload.saved", nuevas, revisadas, iguales));
    }
    return page(request, HttpStatus.OK, body);
  }

  /**
   * The preview of a kept file, read again without storing anything: the address the preview's post
   * redirects to, so reloading it neither posts the file again nor shows the CSRF token.
   */
  @Get("/vista")
  HttpResponse<String> shown(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String id,
      @Nullable @QueryValue String motivo)
      throws IOException {
    var held = stash.find(id, auth.getName(), PURPOSE);
    if (held.isEmpty()) {
      return refused(request, "archivo", "web.upload.expired");
    }
    try {
      UploadView report =
          measurements.file(
              held.get().name(),
              held.get().path(),
              true,
              false,
              why(motivo),
              auth.getName(),
              pages.locale(request));
      boolean storable = report.accepted() > 0;
      var body =
          new UploadPage(action(request), report, storable ? id : null, List.of(), why(motivo));
      return page(request, HttpStatus.OK, body);
    } catch (ApiException e) {
      var body =
          new UploadPage(action(request), null, null, problems.of(request, e).body().errors());
      return page(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    }
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<String> preview(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @Part("archivo") CompletedFileUpload archivo,
      @Nullable @Part("reason") String reason)
      throws IOException {
    if (archivo == null || archivo.getFilename() == null || archivo.getFilename().isBlank()) {
      return refused(request, "archivo", "web.upload.noFile");
    }
    String name = archivo.getFilename();
    if (!name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|xlsx|txt)")) {
      return refused(request, name, "web.upload.wrongType");
    }
    String id = stash.keep(archivo, auth.getName(), PURPOSE);
    var held = stash.find(id, auth.getName(), PURPOSE).orElseThrow();
    try {
      // Read once here so that a file that cannot be read at all is answered at once.
      measurements.file(
          name, held.path(), true, false, why(reason), auth.getName(), pages.locale(request));
      var uri = UriBuilder.of("/datos/cargas/vista").queryParam("id", id);
      if (why(reason) != null) {
        uri.queryParam("motivo", why(reason));
      }
      return HttpResponse.<String>seeOther(uri.build());
    } catch (ApiException e) {
      stash.drop(id);
      var body =
          new UploadPage(action(request), null, null, problems.of(request, e).body().errors());
      return page(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    }
  }

  @Post(value = "/confirmar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> commit(HttpRequest<?> request, Authentication auth, @Body Confirm confirm)
      throws IOException {
    String id = confirm.id();
    var held = stash.find(id, auth.getName(), PURPOSE);
    if (held.isEmpty()) {
      return refused(request, "archivo", "web.upload.expired");
    }
    try {
      UploadView report =
          measurements.file(
              held.get().name(),
              held.get().path(),
              false,
              "true".equals(confirm.keepValid()),
              confirm.why(),
              auth.getName(),
              pages.locale(request));
      stash.drop(id);
      if (report.committed()) {
        var uri =
            UriBuilder.of("/datos/cargas")
                .queryParam("nuevas", report.inserted())
                .queryParam("revisadas", report.revised())
                .queryParam("iguales", report.unchanged());
        return HttpResponse.<String>seeOther(uri.build());
      }
      var body = new UploadPage(action(request), report, null, List.of());
      return page(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    } catch (ApiException e) {
      stash.drop(id);
      var body =
          new UploadPage(action(request), null, null, problems.of(request, e).body().errors());
      return page(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
    }
  }

  private HttpResponse<String> refused(HttpRequest<?> request, String field, String key) {
    var violation = new Problem.Violation(field, key, pages.text(request, key));
    var body = new UploadPage(action(request), null, null, List.of(violation));
    return page(request, HttpStatus.UNPROCESSABLE_ENTITY, body);
  }

  private HttpResponse<String> page(HttpRequest<?> request, HttpStatus status, UploadPage body) {
    var links =
        indicators.list(null).stream()
            .map(i -> new EntryPage.Choice(i.code(), i.code() + " — " + i.name()))
            .toList();
    return pages.render(status, VIEW, request, body.withTemplates(links));
  }

  /** A multipart body is not read by the CSRF filter: the token rides in the form's address. */
  private String action(HttpRequest<?> request) {
    return "/datos/cargas?"
        + Csrf.FIELD
        + "="
        + URLEncoder.encode(csrf.token(request), StandardCharsets.UTF_8);
  }
}
