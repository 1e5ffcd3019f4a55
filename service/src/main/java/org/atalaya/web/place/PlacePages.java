package org.atalaya.web.place;

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
import org.atalaya.publication.Audience;
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

/**
 * A corregimiento (or any place below the district): all the indicators with data for it, and their
 * trajectories as small multiples. The public reads the published plans only, as on the indicator
 * pages; the place itself is no secret, so an unknown code is the only "not found".
 */
@Controller("/corregimientos/{code}")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class PlacePages {
  /** A phone's map: the legend goes under the map, in letters a phone can read. */
  static final int NARROW_WIDTH = 400;

  static final int NARROW_HEIGHT = 600;

  private final TerritoryService territories;
  private final PlaceIndicators indicators;
  private final PanelSpecs charts;
  private final PlaceMap maps;
  private final Pages pages;
  private final Clock clock;

  PlacePages(
      TerritoryService territories,
      PlaceIndicators indicators,
      PanelSpecs charts,
      PlaceMap maps,
      Pages pages,
      Clock clock) {
    this.clock = clock;
    this.territories = territories;
    this.indicators = indicators;
    this.charts = charts;
    this.maps = maps;
    this.pages = pages;
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlaceView>> page(
      HttpRequest<?> request,
      String code,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, null, territories, clock);
    var place = territories.require(code);
    Locale locale = pages.locale(request);
    var found = indicators.find(place, f, staff(request), locale);
    SmallMultiplesChart spec =
        charts.spec(
            title(place.name(), locale),
            found.codes(),
            f,
            code,
            Audience.of(staff(request)),
            locale);
    ChartBlock block =
        spec == null
            ? null
            : PanelSpecs.block(
                spec, "/corregimientos/" + code + "/graficos/indicadores", query(f), locale);
    PlaceView view = indicators.view(place, f, found, query(f), block, locale);
    ChoroplethMap map = maps.spec(place, found.codes(), f, Audience.of(staff(request)), locale);
    if (map != null) {
      String base = "/corregimientos/" + code + "/graficos/mapa";
      view =
          view.withMap(
              new PlaceView.MapBlock(
                  ChartBlock.of(map, base, query(f), locale)
                      .withNarrow(
                          base + ".svg" + query(f) + "&ancho=estrecho",
                          NARROW_WIDTH,
                          NARROW_HEIGHT),
                  maps.outlined(map)));
    }
    return pages.view(PageKind.TERRITORIO, request, view);
  }

  /** The place's map as an image; {@code ancho=estrecho} lays it out for a phone. */
  @Get("/graficos/mapa.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> map(
      HttpRequest<?> request,
      String code,
      String format,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String ancho)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, null, territories, clock);
    var place = territories.require(code);
    Locale locale = pages.locale(request);
    var found = indicators.find(place, f, staff(request), locale);
    ChoroplethMap map = maps.spec(place, found.codes(), f, Audience.of(staff(request)), locale);
    if (map == null) {
      throw ApiException.notFound("chart", code);
    }
    boolean narrow = "estrecho".equals(ancho);
    return ChartResponses.image(
        request,
        map,
        format,
        locale,
        found.allPublished(),
        narrow ? NARROW_WIDTH : ChartResponses.WIDTH,
        narrow ? NARROW_HEIGHT : ChartResponses.HEIGHT);
  }

  @Get("/graficos/indicadores.{format}")
  @Produces({"image/svg+xml", "image/png"})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> chart(
      HttpRequest<?> request,
      String code,
      String format,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String columnas)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, null, territories, clock);
    var place = territories.require(code);
    Locale locale = pages.locale(request);
    var found = indicators.find(place, f, staff(request), locale);
    SmallMultiplesChart wide =
        charts.spec(
            title(place.name(), locale),
            found.codes(),
            f,
            code,
            Audience.of(staff(request)),
            locale);
    if (wide == null) {
      throw ApiException.notFound("chart", code);
    }
    SmallMultiplesChart spec = PanelSpecs.columns(wide, columnas);
    return ChartResponses.image(
        request,
        spec,
        format,
        locale,
        found.allPublished(),
        PanelSpecs.width(columnas),
        PanelSpecs.height(spec));
  }

  private static boolean staff(HttpRequest<?> request) {
    return Pages.currentUser(request) != null;
  }

  private static String title(String place, Locale locale) {
    return Messages.format(locale, "web.place.chart", place);
  }

  /** This page takes the cut-off and the sex; the place is its address. */
  static String query(Filters f) {
    return "?" + Filters.AS_OF + "=" + f.asOf() + "&" + Filters.SEX + "=" + f.sex().name();
  }
}
