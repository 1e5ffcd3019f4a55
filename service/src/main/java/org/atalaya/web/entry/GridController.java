package org.atalaya.web.entry;

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
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.Map;
import org.atalaya.measurement.MeasurementImport;
import org.atalaya.measurement.UploadView;
import org.atalaya.security.Role;
import org.atalaya.web.Pages;

/**
 * A month (or quarter, or year) of one indicator in one grid: places by sex, prefilled with what is
 * stored. "Revisar" runs the upload's own dry run on the grid's cells; "Guardar" stores them
 * through the same ingestion (revisions, audit, provisional status) and sends the browser back to
 * the grid (post/redirect/get), which then shows the stored figures.
 */
@Controller("/datos/cuadricula")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class GridController {
  private static final String VIEW = "entry/grid";

  private final Pages pages;
  private final GridPages grids;
  private final MeasurementImport measurements;

  GridController(Pages pages, GridPages grids, MeasurementImport measurements) {
    this.pages = pages;
    this.grids = grids;
    this.measurements = measurements;
  }

  @Get
  HttpResponse<String> show(
      HttpRequest<?> request,
      @Nullable @QueryValue String indicador,
      @Nullable @QueryValue String periodo,
      @Nullable @QueryValue String fuente,
      @Nullable @QueryValue Long nuevas,
      @Nullable @QueryValue Long revisadas,
      @Nullable @QueryValue Long iguales) {
    String saved =
        nuevas == null
            ? null
            : pages.text(
                request,
                "work.grid.saved",
                nuevas,
                revisadas == null ? 0 : revisadas,
                iguales == null ? 0 : iguales);
    GridPage page = grids.stored(indicador, periodo, fuente, saved, pages.locale(request));
    HttpStatus status = page.error() == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    return pages.render(status, VIEW, request, page);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> send(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form)
      throws IOException {
    var locale = pages.locale(request);
    GridPages.Chosen chosen = grids.chosen(form, locale);
    if (chosen.refused() != null) {
      return pages.render(HttpStatus.BAD_REQUEST, VIEW, request, chosen.refused());
    }
    boolean save = "guardar".equals(form.get("accion"));
    Grid.Rows rows = chosen.grid().rows(form, "on".equals(form.get("ceros")));
    String reason = blankToNull(form.get("reason"));
    UploadView report =
        measurements.rows(
            "cuadricula", Grid.HEADER, rows.rows(), !save, reason, auth.getName(), locale);
    if (save && report.committed()) {
      var uri =
          UriBuilder.of("/datos/cuadricula")
              .queryParam("indicador", chosen.grid().indicator())
              .queryParam("periodo", chosen.grid().period())
              .queryParam("nuevas", report.inserted())
              .queryParam("revisadas", report.revised())
              .queryParam("iguales", report.unchanged());
      if (chosen.grid().source() != null) {
        uri.queryParam("fuente", chosen.grid().source());
      }
      return HttpResponse.seeOther(uri.build());
    }
    GridPage page = grids.typed(chosen, form, report, rows, reason, locale);
    HttpStatus status =
        report.rejected() > 0 || (save && !report.committed())
            ? HttpStatus.UNPROCESSABLE_ENTITY
            : HttpStatus.OK;
    return pages.render(status, VIEW, request, page);
  }

  private static String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
