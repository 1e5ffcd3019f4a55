package org.atalaya.web.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.EstimateChart;
import org.atalaya.indicator.Sex;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.Messages;
import org.atalaya.survey.SurveyResults;
import org.atalaya.web.Filters;
import org.atalaya.web.NumberText;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.chart.ChartResponses;
import org.atalaya.web.dashboard.PageKind;
import org.atalaya.web.indicator.IndicatorView.Option;

/**
 * Survey results: the surveys with waves to read, and one wave's estimates with their intervals by
 * sex and by territory. The public reads published waves, suppressed cells withheld; staff also
 * read unpublished waves, marked as such, and every figure — the estimates API's rules.
 */
@Controller("/encuestas")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyPages {
  /** A phone's map: the legend goes under the map, in letters a phone can read. */
  static final int NARROW_WIDTH = 400;

  static final int NARROW_HEIGHT = 600;

  private final SurveyResults results;
  private final SurveyFigures figures;
  private final SurveyMapSpecs maps;
  private final Pages pages;

  SurveyPages(SurveyResults results, SurveyFigures figures, SurveyMapSpecs maps, Pages pages) {
    this.results = results;
    this.figures = figures;
    this.maps = maps;
    this.pages = pages;
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<SurveyView.ListPage>> list(HttpRequest<?> request) throws SQLException {
    Locale locale = pages.locale(request);
    List<SurveyView.SurveyRow> rows = new ArrayList<>();
    for (SurveyResults.Survey s : results.list(staff(request), locale)) {
      rows.add(
          new SurveyView.SurveyRow(
              s.code(),
              s.name(),
              s.universe(),
              s.waves().stream()
                  .map(
                      w ->
                          new SurveyView.WaveRow(
                              w.code(), w.name(), period(w, locale), w.published()))
                  .toList()));
    }
    return pages.view("survey/list", request, new SurveyView.ListPage(rows));
  }

  @Get("/{code}")
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<SurveyView.Results>> results(
      HttpRequest<?> request,
      String code,
      @Nullable @QueryValue String ronda,
      @Nullable @QueryValue String pregunta,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String aviso)
      throws SQLException {
    Locale locale = pages.locale(request);
    boolean staff = staff(request);
    Sex sex = sex(sexo);
    var s = figures.select(code, ronda, pregunta, staff, locale);
    String notice =
        staff && ("validada".equals(aviso) || "publicada".equals(aviso))
            ? pages.text(request, "web.surveys.wave.notice." + aviso)
            : null;
    List<SurveyView.Block> blocks = new ArrayList<>();
    String problem = null;
    String mark = "";
    String weight = "";
    try {
      for (String breakdown : pages.dashboard(PageKind.ENCUESTA).choices("estimaciones")) {
        var by = SurveyFigures.By.valueOf(breakdown.toUpperCase(Locale.ROOT));
        var e = figures.estimates(s, by, staff, locale);
        mark = e.mark();
        weight = e.weightNote();
        EstimateChart spec = figures.chart(s, e, by, locale);
        ChartBlock chart =
            spec == null
                ? null
                : ChartBlock.of(
                    spec,
                    "/encuestas/" + code + "/graficos/" + by.path(),
                    s.query(),
                    locale,
                    ChartResponses.WIDTH,
                    spec.height());
        String title = pages.text(request, "web.surveys.by." + by.path());
        blocks.add(new SurveyView.Block(title, chart, figures.rows(e, locale)));
      }
    } catch (ApiException e) {
      if (e.status().getCode() != 400) {
        throw e;
      }
      // A wave without microdata or aggregates: said on the page, not an error page.
      blocks.clear();
    }
    if (blocks.stream().allMatch(b -> b.rows().isEmpty())) {
      blocks.clear();
      problem = pages.text(request, "web.surveys.noEstimates");
    }
    SurveyView.MapPanel map =
        problem == null && pages.dashboard(PageKind.ENCUESTA).panel("mapa").isPresent()
            ? mapPanel(s, sex, staff, locale)
            : null;
    var survey = s.survey();
    return pages.view(
        PageKind.ENCUESTA,
        request,
        new SurveyView.Results(
            survey.code(),
            survey.name(),
            survey.universe(),
            survey.waves().stream()
                .map(
                    w ->
                        new Option(
                            w.code(),
                            w.name()
                                + (w.published()
                                    ? ""
                                    : " · " + pages.text(request, "web.surveys.unpublished"))))
                .toList(),
            s.wave().code(),
            s.wave().name(),
            period(s.wave(), locale),
            s.wave().published(),
            survey.items().stream().map(i -> new Option(i.key(), i.label())).toList(),
            s.item().key(),
            s.item().label(),
            SurveyFigures.source(s, locale),
            NumberText.date(s.wave().periodEnd(), locale),
            mark,
            blocks.isEmpty() ? "" : weight,
            blocks,
            problem,
            notice,
            map));
  }

  /** The map panel: the map with its phone layout, and the estimates it colours. */
  private SurveyView.MapPanel mapPanel(
      SurveyFigures.Selection s, Sex sex, boolean staff, Locale locale) throws SQLException {
    var e = maps.estimates(s, sex, staff, locale);
    ChoroplethMap spec = maps.map(s, e, sex, period(s.wave(), locale), locale);
    String query = s.query() + "&" + Filters.SEX + "=" + sex.name();
    String base = "/encuestas/" + s.survey().code() + "/graficos/mapa";
    ChartBlock chart =
        spec == null
            ? null
            : ChartBlock.of(spec, base, query, locale)
                .withNarrow(base + ".svg" + query + "&ancho=estrecho", NARROW_WIDTH, NARROW_HEIGHT);
    String title = Messages.format(locale, "web.surveys.map.title." + sex.name(), s.item().label());
    return new SurveyView.MapPanel(
        chart,
        figures.rows(e, locale),
        sex.name(),
        Messages.format(locale, "web.surveys.map.table", title));
  }

  /**
   * The question's estimate by corregimiento as a map for the wave and sex chosen; {@code
   * ancho=estrecho} lays it out for a phone.
   */
  @Get("/{code}/graficos/mapa.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> map(
      HttpRequest<?> request,
      String code,
      String format,
      @Nullable @QueryValue String ronda,
      @Nullable @QueryValue String pregunta,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String ancho)
      throws SQLException {
    Locale locale = pages.locale(request);
    boolean staff = staff(request);
    Sex sex = sex(sexo);
    var s = figures.select(code, ronda, pregunta, staff, locale);
    ChoroplethMap spec =
        maps.map(s, maps.estimates(s, sex, staff, locale), sex, period(s.wave(), locale), locale);
    if (spec == null) {
      throw ApiException.notFound("chart", "mapa");
    }
    boolean narrow = "estrecho".equals(ancho);
    return ChartResponses.image(
        request,
        spec,
        format,
        locale,
        s.wave().published() && !staff,
        narrow ? NARROW_WIDTH : ChartResponses.WIDTH,
        narrow ? NARROW_HEIGHT : ChartResponses.HEIGHT);
  }

  /** {@code sexo}: F, M or _T (the default); anything else is a 400 naming the field. */
  private static Sex sex(@Nullable String sexo) {
    if (sexo == null || sexo.isBlank()) {
      return Sex._T;
    }
    return Sex.fromCode(sexo.strip())
        .filter(x -> x != Sex._U)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid",
                    List.of(new FieldError(Filters.SEX, "enumValue", sexo, "F, M, _T"))));
  }

  @Get("/{code}/graficos/{by}.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> chart(
      HttpRequest<?> request,
      String code,
      String by,
      String format,
      @Nullable @QueryValue String ronda,
      @Nullable @QueryValue String pregunta)
      throws SQLException {
    Locale locale = pages.locale(request);
    boolean staff = staff(request);
    SurveyFigures.By which =
        switch (by) {
          case "sexo" -> SurveyFigures.By.SEXO;
          case "territorio" -> SurveyFigures.By.TERRITORIO;
          default -> throw ApiException.notFound("chart", by);
        };
    var s = figures.select(code, ronda, pregunta, staff, locale);
    EstimateChart spec =
        figures.chart(s, figures.estimates(s, which, staff, locale), which, locale);
    if (spec == null) {
      throw ApiException.notFound("chart", by);
    }
    return ChartResponses.image(
        request,
        spec,
        format,
        locale,
        s.wave().published() && !staff,
        ChartResponses.WIDTH,
        spec.height());
  }

  private static boolean staff(HttpRequest<?> request) {
    return SurveyResults.staff(Pages.currentUser(request));
  }

  private static String period(SurveyResults.Wave w, Locale locale) {
    return NumberText.date(w.periodStart(), locale)
        + " – "
        + NumberText.date(w.periodEnd(), locale);
  }
}
