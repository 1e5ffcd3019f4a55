package org.atalaya.web.risk;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.risk.RiskChart;
import org.atalaya.risk.RiskMap;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.territory.BoundaryService;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.chart.ChartResponses;

/**
 * The risk map of places women report as unsafe: a public page with counts by corregimiento and
 * kind (small counts withheld), the analysts' list and dot map of generalised points, and the
 * analysts' import of a file of reports, which can be checked first without storing anything.
 */
@Controller("/mapa-de-riesgo")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class RiskPages {
  private final RiskMap risk;
  private final Pages pages;
  private final ProblemResponses problems;
  private final BoundaryService boundaries;
  private final Clock clock;

  RiskPages(
      RiskMap risk,
      Pages pages,
      ProblemResponses problems,
      BoundaryService boundaries,
      Clock clock) {
    this.clock = clock;
    this.boundaries = boundaries;
    this.risk = risk;
    this.pages = pages;
    this.problems = problems;
  }

  /** The map's view: "cuadricula" for the public grid, anything else by corregimiento. */
  private static boolean grid(@Nullable String vista) {
    return "cuadricula".equals(vista);
  }

  /** The map's classes: "naturales" for natural breaks (Jenks), anything else quantiles. */
  private static ChoroplethMap.Breaks breaks(@Nullable String clases) {
    return "naturales".equals(clases)
        ? ChoroplethMap.Breaks.NATURAL
        : ChoroplethMap.Breaks.QUANTILES;
  }

  /** The page's choices again, for the map's image links ("" when none). */
  private static String query(@Nullable Integer anio, boolean grid, ChoroplethMap.Breaks breaks) {
    List<String> parts = new java.util.ArrayList<>();
    if (anio != null) {
      parts.add("anio=" + anio);
    }
    if (grid) {
      parts.add("vista=cuadricula");
    }
    if (breaks == ChoroplethMap.Breaks.NATURAL) {
      parts.add("clases=naturales");
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<RiskViews.Counts>> counts(
      HttpRequest<?> request,
      @Nullable @QueryValue Integer anio,
      @Nullable @QueryValue String vista,
      @Nullable @QueryValue String clases)
      throws SQLException {
    LocalDate from = anio == null ? null : LocalDate.of(anio, 1, 1);
    LocalDate to = anio == null ? null : LocalDate.of(anio, 12, 31);
    Locale locale = pages.locale(request);
    RiskMap.Aggregate a = risk.counts(null, from, to);
    boolean grid = grid(vista);
    ChoroplethMap.Breaks breaks = breaks(clases);
    ChoroplethMap map = map(grid, breaks, a, from, to, locale);
    ChartBlock block =
        map == null
            ? null
            : ChartBlock.of(map, "/mapa-de-riesgo/mapa", query(anio, grid, breaks), locale);
    return pages.view(
        "risk/counts",
        request,
        RiskViews.counts(
            a, anio, grid, breaks, block, risk.gridSize(a.district()).metres(), locale));
  }

  @Get("/mapa.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> map(
      HttpRequest<?> request,
      String format,
      @Nullable @QueryValue Integer anio,
      @Nullable @QueryValue String vista,
      @Nullable @QueryValue String clases)
      throws SQLException {
    LocalDate from = anio == null ? null : LocalDate.of(anio, 1, 1);
    LocalDate to = anio == null ? null : LocalDate.of(anio, 12, 31);
    Locale locale = pages.locale(request);
    RiskMap.Aggregate a = risk.counts(null, from, to);
    ChoroplethMap map = map(grid(vista), breaks(clases), a, from, to, locale);
    if (map == null) {
      throw ApiException.notFound("chart", "mapa");
    }
    return ChartResponses.image(request, map, format, locale, true);
  }

  /** The public map: by corregimiento, or on the coarse grid; never a point. */
  private @Nullable ChoroplethMap map(
      boolean grid,
      ChoroplethMap.Breaks breaks,
      RiskMap.Aggregate a,
      LocalDate from,
      LocalDate to,
      Locale locale)
      throws SQLException {
    var shapes = boundaries.childrenOf(a.district());
    ChoroplethMap map =
        grid
            ? RiskChart.grid(
                risk.grid(a.district(), from, to), shapes, LocalDate.now(clock), locale)
            : RiskChart.of(a, shapes, LocalDate.now(clock), locale);
    return map == null ? null : map.withBreaks(breaks);
  }

  @Get("/puntos")
  @Produces(MediaType.TEXT_HTML)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  ModelAndView<Page<RiskViews.Points>> points(HttpRequest<?> request) throws SQLException {
    Locale locale = pages.locale(request);
    return pages.view(
        "risk/points",
        request,
        RiskViews.points(risk.places(null, null), risk.illustrative(), locale));
  }

  @Get("/importar")
  @Produces(MediaType.TEXT_HTML)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<String> importForm(HttpRequest<?> request) {
    return pages.render(HttpStatus.OK, "risk/import", request, RiskViews.Import.empty());
  }

  @Post(value = "/importar", consumes = MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_HTML)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<String> importFile(
      HttpRequest<?> request,
      @Nullable @Part("archivo") CompletedFileUpload archivo,
      @Nullable @Part("prueba") String prueba)
      throws IOException, SQLException {
    boolean dryRun = prueba != null;
    if (archivo == null || archivo.getFilename() == null || archivo.getFilename().isBlank()) {
      var none =
          List.of(
              new org.atalaya.shared.Problem.Violation(
                  "archivo", "noFile", pages.text(request, "web.risk.noFile")));
      return pages.render(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "risk/import",
          request,
          new RiskViews.Import(null, none, dryRun));
    }
    String name = archivo.getFilename();
    try (var reader = new InputStreamReader(archivo.getInputStream(), StandardCharsets.UTF_8)) {
      RiskMap.ImportResult result =
          dryRun ? risk.check(name, reader) : risk.load(name, reader, false);
      return pages.render(
          HttpStatus.OK, "risk/import", request, new RiskViews.Import(result, List.of(), dryRun));
    } catch (ApiException e) {
      var errors = problems.of(request, e).body().errors();
      return pages.render(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "risk/import",
          request,
          new RiskViews.Import(null, errors, dryRun));
    }
  }
}
