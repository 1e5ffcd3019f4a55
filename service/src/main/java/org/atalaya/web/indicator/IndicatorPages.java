package org.atalaya.web.indicator;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.ChartSpec;
import org.atalaya.indicator.IndicatorChanges;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.plan.PlanService;
import org.atalaya.plan.PlanStatus;
import org.atalaya.publication.Audience;
import org.atalaya.publication.FigureCharts;
import org.atalaya.publication.Publication;
import org.atalaya.shared.ApiException;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.chart.ChartResponses;
import org.atalaya.web.chart.IndicatorSpecs;
import org.atalaya.web.dashboard.Dashboards;
import org.atalaya.web.dashboard.PageKind;

/**
 * An indicator's page and its charts. The public sees the indicators of published plans only; an
 * indicator of a draft, or of no plan, is "not found" to them, page and images alike.
 */
@Controller("/indicadores/{code}")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class IndicatorPages {
  /** A map laid out for a phone: the legend under the map. */
  static final int MAP_NARROW_WIDTH = 400;

  static final int MAP_NARROW_HEIGHT = 600;

  private final IndicatorService indicators;
  private final PlanService plans;
  private final TerritoryService territories;
  private final IndicatorSpecs specs;
  private final IndicatorView.Builder views;
  private final Pages pages;
  private final Dashboards dashboards;
  private final RecordSection records;
  private final Publication publication;
  private final org.atalaya.calendar.CalendarService calendar;
  private final IndicatorChanges changes;
  private final Clock clock;

  IndicatorPages(
      IndicatorChanges changes,
      IndicatorService indicators,
      PlanService plans,
      TerritoryService territories,
      IndicatorSpecs specs,
      IndicatorView.Builder views,
      Pages pages,
      Dashboards dashboards,
      RecordSection records,
      Publication publication,
      org.atalaya.calendar.CalendarService calendar,
      Clock clock) {
    this.clock = clock;
    this.calendar = calendar;
    this.changes = changes;
    this.publication = publication;
    this.dashboards = dashboards;
    this.records = records;
    this.indicators = indicators;
    this.plans = plans;
    this.territories = territories;
    this.specs = specs;
    this.views = views;
    this.pages = pages;
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<IndicatorView>> page(
      HttpRequest<?> request,
      String code,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio,
      @Nullable @QueryValue String periodo,
      @Nullable @QueryValue String guardado)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    IndicatorDoc doc = visible(request, code).doc();
    Locale locale = pages.locale(request);
    Audience audience = Audience.of(Pages.currentUser(request) != null);
    List<ChartPoint> points =
        FigureCharts.points(publication.series(code, f.sex(), f.territory(), f.asOf(), audience));
    String period = RecordSection.period(doc, periodo, points);
    RecordSection.Section record =
        Pages.currentUser(request) == null || period == null
            ? null
            : records.of(doc, period, f, points, locale);
    List<ChartBlock> charts = new ArrayList<>();
    List<ChartBlock> rateMaps = new ArrayList<>();
    for (IndicatorSpecs.Kind kind :
        List.of(IndicatorSpecs.Kind.RATE_CRUDE, IndicatorSpecs.Kind.RATE_SMOOTHED)) {
      ChartSpec spec = specs.spec(doc, kind, f, audience, locale);
      if (spec != null) {
        rateMaps.add(ChartBlock.of(spec, chartBase(code, kind), f.query(), locale));
      }
    }
    for (IndicatorSpecs.Kind kind : kinds()) {
      if (kind == IndicatorSpecs.Kind.MAP && !rateMaps.isEmpty()) {
        // A rate's map stands with its smoothed twin and its table, in the rates section.
        continue;
      }
      ChartSpec spec = specs.spec(doc, kind, f, audience, locale);
      if (spec != null) {
        String base = chartBase(code, kind);
        ChartBlock block = ChartBlock.of(spec, base, f.query(), locale);
        if (kind == IndicatorSpecs.Kind.MAP) {
          // On a phone the legend goes under the map, in letters a phone can read.
          block =
              block.withNarrow(
                  base + ".svg" + f.query() + "&ancho=estrecho",
                  MAP_NARROW_WIDTH,
                  MAP_NARROW_HEIGHT);
        }
        charts.add(block);
      }
    }
    String notice = notice(request, guardado);
    if (notice == null && Pages.currentUser(request) != null) {
      notice =
          changes
              .working(code)
              .map(IndicatorChanges.Working::pending)
              .map(c -> pages.text(request, "web.indicator.pending", c.id(), c.plan()))
              .orElse(null);
    }
    IndicatorView view = views.of(doc, f, audience, charts, record, notice, locale);
    if (Pages.currentUser(request) != null) {
      view = view.withGap(gap(code, locale));
    }
    if (view.rates() != null && !rateMaps.isEmpty()) {
      view = view.withRates(view.rates().withMaps(rateMaps));
    }
    return pages.view(PageKind.INDICADOR, request, view);
  }

  private static String chartBase(String code, IndicatorSpecs.Kind kind) {
    String name =
        switch (kind) {
          case RATE_CRUDE -> "tasa-observada";
          case RATE_SMOOTHED -> "tasa-suavizada";
          default -> kind.name().toLowerCase(Locale.ROOT);
        };
    return "/indicadores/" + code + "/graficos/" + name;
  }

  /** Why the latest district total is missing or incomplete, for staff; null when complete. */
  private @Nullable String gap(String code, Locale locale) throws SQLException {
    var today = java.time.LocalDate.now(clock);
    return calendar
        .gap(today, code)
        .map(
            e ->
                org.atalaya.shared.Messages.format(
                    locale,
                    "calendar.gap.indicator",
                    org.atalaya.shared.Periods.code(e.periodLabel()),
                    e.sourceName(),
                    org.atalaya.calendar.MissingFigures.why(e, locale)))
        .orElse(null);
  }

  @Get("/graficos/{kind}.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> chart(
      HttpRequest<?> request,
      String code,
      String kind,
      String format,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio,
      @Nullable @QueryValue String ancho)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories, clock);
    Visible v = visible(request, code);
    IndicatorSpecs.Kind which = kind(kind);
    if (!format.equals("svg") && !format.equals("png")) {
      throw ApiException.notFound("chart", kind + "." + format);
    }
    Locale locale = pages.locale(request);
    Audience audience = Audience.of(Pages.currentUser(request) != null);
    ChartSpec spec = specs.spec(v.doc(), which, f, audience, locale);
    if (spec == null) {
      throw ApiException.notFound("chart", kind);
    }
    if (which == IndicatorSpecs.Kind.MAP && "estrecho".equals(ancho)) {
      return ChartResponses.image(
          request, spec, format, locale, v.published(), MAP_NARROW_WIDTH, MAP_NARROW_HEIGHT);
    }
    return ChartResponses.image(request, spec, format, locale, v.published());
  }

  /** After a save from the indicator's forms: what was saved, said to the person who saved it. */
  private String notice(HttpRequest<?> request, @Nullable String saved) {
    if (saved == null || Pages.currentUser(request) == null) {
      return null;
    }
    return pages.text(
        request, saved.equals("metas") ? "web.indicator.targets.saved" : "web.indicator.saved");
  }

  /** The charts the "indicador" dashboard's «graficos» panel lists, in its order. */
  private List<IndicatorSpecs.Kind> kinds() {
    return dashboards.of(PageKind.INDICADOR).choices("graficos").stream()
        .map(
            chart ->
                switch (chart) {
                  case "trayectoria" -> IndicatorSpecs.Kind.TRAJECTORY;
                  case "sexo" -> IndicatorSpecs.Kind.SEX;
                  case "territorios" -> IndicatorSpecs.Kind.TERRITORIES;
                  case "mapa" -> IndicatorSpecs.Kind.MAP;
                  default -> throw new IllegalStateException("chart " + chart);
                })
        .toList();
  }

  record Visible(IndicatorDoc doc, boolean published) {}

  private Visible visible(HttpRequest<?> request, String code) {
    boolean staff = Pages.currentUser(request) != null;
    IndicatorDoc doc = indicators.get(code);
    if (doc.actionCard() == null) {
      if (!staff) {
        throw ApiException.notFound("indicator", code);
      }
      return new Visible(doc, false);
    }
    // Throws "not found" to the public when the plan is not published.
    var plan = plans.document(doc.actionCard().plan(), staff);
    return new Visible(doc, plan.plan().status() == PlanStatus.PUBLISHED);
  }

  private static IndicatorSpecs.Kind kind(String name) {
    return switch (name) {
      case "trajectory" -> IndicatorSpecs.Kind.TRAJECTORY;
      case "sex" -> IndicatorSpecs.Kind.SEX;
      case "territories" -> IndicatorSpecs.Kind.TERRITORIES;
      case "map" -> IndicatorSpecs.Kind.MAP;
      case "tasa-observada" -> IndicatorSpecs.Kind.RATE_CRUDE;
      case "tasa-suavizada" -> IndicatorSpecs.Kind.RATE_SMOOTHED;
      default -> throw ApiException.notFound("chart", name);
    };
  }
}
