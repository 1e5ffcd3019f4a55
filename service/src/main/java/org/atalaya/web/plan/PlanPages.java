package org.atalaya.web.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.time.Clock;
import java.util.Locale;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.SmallMultiplesChart;
import org.atalaya.execution.Execution;
import org.atalaya.execution.PartKind;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.plan.PlanStatus;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Publication;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.chart.ChartResponses;
import org.atalaya.web.chart.PanelSpecs;
import org.atalaya.web.dashboard.PageKind;
import org.atalaya.web.execution.ExecutionView;

/**
 * A plan at a glance, one of its axes, and one action card laid out as the guide's "ficha". The
 * public reads published plans; a draft is "not found" to them.
 */
@Controller("/planes/{plan}")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanPages {
  /** A phone's map: the legend goes under the map, in letters a phone can read. */
  static final int NARROW_WIDTH = 400;

  static final int NARROW_HEIGHT = 600;

  private final PlanService plans;
  private final PlanMap maps;
  private final Publication publication;
  private final TerritoryService territories;
  private final PlanViews views;
  private final Pages pages;
  private final PanelSpecs charts;
  private final Execution execution;
  private final Clock clock;

  PlanPages(
      PlanService plans,
      Publication publication,
      TerritoryService territories,
      PlanViews views,
      Pages pages,
      PanelSpecs charts,
      Execution execution,
      PlanMap maps,
      Clock clock) {
    this.clock = clock;
    this.maps = maps;
    this.charts = charts;
    this.execution = execution;
    this.plans = plans;
    this.publication = publication;
    this.territories = territories;
    this.views = views;
    this.pages = pages;
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlanViews.PlanView>> overview(
      HttpRequest<?> request,
      String plan,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    var level = publication.plan(plan, f.asOf(), f.sex(), f.territory(), audience(request));
    Locale locale = pages.locale(request);
    PlanViews.PlanView view =
        views.plan(doc, level, f, locale, null, null, notice(level, f, locale), audience(request));
    view = withMap(view, level, doc, f, audience(request), locale);
    return pages.view(PageKind.PLAN, request, view);
  }

  /** The page with its headline indicator's map by corregimiento, when it has one. */
  private PlanViews.PlanView withMap(
      PlanViews.PlanView view,
      Publication.Level level,
      PlanDocument doc,
      Filters f,
      Audience audience,
      Locale locale)
      throws SQLException {
    ChoroplethMap map = maps.spec(level, doc.plan().territory(), f, audience, locale);
    if (map == null) {
      return view;
    }
    String base = "/planes/" + doc.plan().code() + "/graficos/mapa";
    return view.withMap(
        ChartBlock.of(map, base, f.query(), locale)
            .withNarrow(
                base + ".svg" + f.query() + "&ancho=estrecho", NARROW_WIDTH, NARROW_HEIGHT));
  }

  /** The headline indicator's map as an image; {@code ancho=estrecho} lays it out for a phone. */
  @Get("/graficos/mapa.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> map(
      HttpRequest<?> request,
      String plan,
      String format,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio,
      @Nullable @QueryValue String ancho)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    var level = publication.plan(plan, f.asOf(), f.sex(), f.territory(), audience(request));
    Locale locale = pages.locale(request);
    ChoroplethMap map = maps.spec(level, doc.plan().territory(), f, audience(request), locale);
    if (map == null) {
      throw ApiException.notFound("chart", plan);
    }
    boolean narrow = "estrecho".equals(ancho);
    return ChartResponses.image(
        request,
        map,
        format,
        locale,
        doc.plan().status() == PlanStatus.PUBLISHED,
        narrow ? NARROW_WIDTH : ChartResponses.WIDTH,
        narrow ? NARROW_HEIGHT : ChartResponses.HEIGHT);
  }

  /**
   * A draft (or any plan) as the public will read it: the same page, the public's figures and no
   * signed-in menu, bannered as a preview. Only for people signed in: a draft is not public.
   */
  @Get("/vista-previa")
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ModelAndView<Page<PlanViews.PlanView>> preview(
      HttpRequest<?> request,
      String plan,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    PlanDocument doc = plans.document(plan, true);
    var level = publication.plan(plan, f.asOf(), f.sex(), f.territory(), Audience.PUBLIC);
    Locale locale = pages.locale(request);
    var view =
        withMap(
            views.plan(
                doc, level, f, locale, null, null, notice(level, f, locale), Audience.PUBLIC),
            level,
            doc,
            f,
            Audience.PUBLIC,
            locale);
    return new ModelAndView<>(
        PageKind.PLAN.template(),
        new Page<>(
            pages.layout(request).asPublic(), view.asPreview(), pages.dashboard(PageKind.PLAN)));
  }

  @Get("/ejes/{axis}")
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlanViews.PlanView>> axis(
      HttpRequest<?> request,
      String plan,
      String axis,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    var level = publication.plan(plan, f.asOf(), f.sex(), f.territory(), audience(request));
    Locale locale = pages.locale(request);
    SmallMultiplesChart spec = panels(doc, level, axis, f, audience(request), locale);
    ChartBlock block =
        spec == null
            ? null
            : PanelSpecs.block(
                spec,
                "/planes/" + plan + "/ejes/" + axis + "/graficos/indicadores",
                f.query(),
                locale);
    return pages.view(
        PageKind.EJE,
        request,
        views.plan(
            doc, level, f, locale, axis, block, notice(level, f, locale), audience(request)));
  }

  /** One small trajectory per indicator of the axis, each with its target line. */
  @Get("/ejes/{axis}/graficos/indicadores.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> axisChart(
      HttpRequest<?> request,
      String plan,
      String axis,
      String format,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio,
      @Nullable @QueryValue String columnas)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    var level = publication.plan(plan, f.asOf(), f.sex(), f.territory(), audience(request));
    Locale locale = pages.locale(request);
    SmallMultiplesChart spec = panels(doc, level, axis, f, audience(request), locale);
    if (spec == null) {
      throw ApiException.notFound("chart", axis);
    }
    spec = PanelSpecs.columns(spec, columnas);
    boolean published = doc.plan().status() == PlanStatus.PUBLISHED;
    return ChartResponses.image(
        request,
        spec,
        format,
        locale,
        published,
        PanelSpecs.width(columnas),
        PanelSpecs.height(spec));
  }

  private SmallMultiplesChart panels(
      PlanDocument doc,
      Publication.Level level,
      String axis,
      Filters f,
      Audience audience,
      Locale locale)
      throws SQLException {
    var axisDoc =
        doc.axes().stream()
            .filter(a -> a.code().equals(axis))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("axis", axis));
    String title = Messages.format(locale, "web.chart.panels", axisDoc.name());
    return charts.spec(
        title, PlanViews.indicatorCodes(level, axis), f, f.territory(), audience, locale);
  }

  @Get("/fichas/{card}")
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlanViews.CardView>> card(
      HttpRequest<?> request,
      String plan,
      String card,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    boolean staff = Pages.currentUser(request) != null;
    PlanDocument doc = plans.document(plan, staff);
    var level = publication.plan(plan, f.asOf(), f.sex(), f.territory(), audience(request));
    Locale locale = pages.locale(request);
    var done =
        ExecutionView.of(
            execution.part(plan, PartKind.CARD, card, staff, f.asOf()),
            "/planes/" + plan + "/fichas/" + card + "/ejecucion",
            locale);
    return pages.view(
        PageKind.FICHA,
        request,
        views.card(doc, level, card, f, locale, notice(level, f, locale), done));
  }

  private static Audience audience(HttpRequest<?> request) {
    return Audience.of(Pages.currentUser(request) != null);
  }

  /** Said above the plan when the cut-off comes before some indicators' baselines. */
  private static @Nullable String notice(Publication.Level level, Filters f, Locale locale) {
    return early(level) ? Messages.format(locale, "web.plan.beforeBaseline", f.asOf()) : null;
  }

  private static boolean early(Publication.Level level) {
    return level.indicators().stream().anyMatch(c -> c.baselineAfterAsOf() != null)
        || level.children().stream().anyMatch(PlanPages::early);
  }
}
