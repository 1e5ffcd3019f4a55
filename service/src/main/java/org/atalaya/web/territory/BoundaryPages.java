package org.atalaya.web.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.territory.BoundaryMatch;
import org.atalaya.territory.BoundaryService;
import org.atalaya.web.Pages;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.chart.ChartResponses;

/**
 * Analysts load the corregimientos' boundaries: a GeoJSON file is checked first (each feature
 * matched by which rule, unmatched, or invalid and why) and kept until its uploader confirms; only
 * then are the outlines stored, and the page draws them.
 */
@Controller("/territorios/limites")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class BoundaryPages {
  private static final String VIEW = "territory/boundaries";
  private final BoundaryService boundaries;
  private final BoundaryViews views;
  private final Pages pages;
  private final ProblemResponses problems;

  BoundaryPages(
      BoundaryService boundaries, BoundaryViews views, Pages pages, ProblemResponses problems) {
    this.boundaries = boundaries;
    this.views = views;
    this.pages = pages;
    this.problems = problems;
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> form(HttpRequest<?> request) {
    return pages.render(HttpStatus.OK, VIEW, request, BoundaryViews.Upload.empty());
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> check(
      HttpRequest<?> request, @Nullable @Part("archivo") CompletedFileUpload archivo)
      throws IOException {
    if (archivo == null || archivo.getFilename() == null || archivo.getFilename().isBlank()) {
      var none =
          List.of(
              new Problem.Violation(
                  "archivo", "noFile", pages.text(request, "web.boundary.noFile")));
      return pages.render(
          HttpStatus.UNPROCESSABLE_ENTITY, VIEW, request, BoundaryViews.Upload.refused(none));
    }
    BoundaryService.Checked checked =
        boundaries.check(
            archivo.getFilename(), archivo.getBytes(), user(request), pages.locale(request));
    HttpStatus status =
        checked.report().refused() == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
    return pages.render(status, VIEW, request, BoundaryViews.Upload.checked(checked));
  }

  @Post(value = "/confirmar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> confirm(
      HttpRequest<?> request, long carga, @Nullable String fuente, @Nullable String ilustrativo) {
    Locale locale = pages.locale(request);
    String source = fuente == null || fuente.isBlank() ? "—" : fuente.strip();
    try {
      BoundaryMatch done =
          boundaries.confirm(carga, source, ilustrativo != null, user(request), locale);
      String district = views.district(done);
      ChartBlock preview = null;
      if (district != null) {
        ChoroplethMap map = views.preview(district, locale);
        if (map != null) {
          preview = ChartBlock.of(map, "/territorios/limites/" + district + "/mapa", "", locale);
        }
      }
      HttpStatus status = done.importable() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
      return pages.render(status, VIEW, request, BoundaryViews.Upload.stored(done, preview));
    } catch (ApiException e) {
      var errors = problems.of(request, e).body().errors();
      return pages.render(
          HttpStatus.NOT_FOUND, VIEW, request, BoundaryViews.Upload.refused(errors));
    }
  }

  /** The stored outlines of a district's corregimientos, without figures: what an import gave. */
  @Get("/{district}/mapa.{format}")
  @Produces({"image/svg+xml", "image/png"})
  HttpResponse<?> preview(HttpRequest<?> request, String district, String format) {
    Locale locale = pages.locale(request);
    ChoroplethMap map = views.preview(district, locale);
    if (map == null) {
      throw ApiException.notFound("territory", district);
    }
    return ChartResponses.image(request, map, format, locale, false);
  }

  private static String user(HttpRequest<?> request) {
    return Pages.currentUser(request).getName();
  }
}
