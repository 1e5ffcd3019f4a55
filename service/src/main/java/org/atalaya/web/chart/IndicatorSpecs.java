package org.atalaya.web.chart;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.ForecastBand;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.Series;
import org.atalaya.chart.TerritoryBarChart;
import org.atalaya.chart.TimeSeriesChart;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.Sex;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.Forecast;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Figure;
import org.atalaya.publication.FigureCharts;
import org.atalaya.publication.FigureText;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.publication.SmallAreaMaps;
import org.atalaya.publication.SmallAreas;
import org.atalaya.shared.Messages;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.BoundaryShape;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;

/**
 * The specs of an indicator's charts, built once for the page (its alt text and table) and for the
 * chart's image, from the same reads so that both always say the same thing.
 */
@Singleton
public class IndicatorSpecs {
  /** Which chart of an indicator: its trajectory, women against men, places against each other. */
  public enum Kind {
    TRAJECTORY,
    SEX,
    TERRITORIES,
    MAP,
    /** A rate's observed rate by corregimiento, beside its smoothed one (the rates section). */
    RATE_CRUDE,
    /** A rate's Marshall-smoothed rate by corregimiento, on the crude map's scale. */
    RATE_SMOOTHED
  }

  private final Publication publication;
  private final TerritoryService territories;
  private final BoundaryService boundaries;
  private final SmallAreas smallAreas;

  IndicatorSpecs(
      Publication publication,
      TerritoryService territories,
      BoundaryService boundaries,
      SmallAreas smallAreas) {
    this.smallAreas = smallAreas;
    this.publication = publication;
    this.territories = territories;
    this.boundaries = boundaries;
  }

  /** The chart, or null when the indicator has nothing to draw for it (no data, no breakdown). */
  public ChartSpec spec(IndicatorDoc doc, Kind kind, Filters f, Audience audience, Locale locale)
      throws SQLException {
    return switch (kind) {
      case TRAJECTORY -> trajectory(doc, f, audience, locale);
      case SEX -> doc.disaggregations().sex() ? bySex(doc, f, audience, locale) : null;
      case TERRITORIES ->
          doc.disaggregations().territory() ? byPlace(doc, f, audience, locale) : null;
      case MAP -> doc.disaggregations().territory() ? map(doc, f, audience, locale) : null;
      case RATE_CRUDE -> rateMap(SmallAreaMaps.Which.CRUDE, doc, f, audience, locale);
      case RATE_SMOOTHED -> rateMap(SmallAreaMaps.Which.SMOOTHED, doc, f, audience, locale);
    };
  }

  /**
   * A rate by corregimiento from the small-areas table (its events under the small-count rule, so a
   * withheld place is hatched, never a colour); null for anything that is not such a rate.
   */
  private ChartSpec rateMap(
      SmallAreaMaps.Which which, IndicatorDoc doc, Filters f, Audience audience, Locale locale)
      throws SQLException {
    SmallAreas.Table table = smallAreas.of(doc.code(), f.asOf(), f.sex(), null, audience);
    if (table == null) {
      return null;
    }
    var district = publication.cell(doc.code(), f.asOf(), f.sex(), null, audience);
    return SmallAreaMaps.of(
        which,
        table,
        boundaries.childrenOf(district.territory()),
        doc.name(),
        meta(doc, f, locale, "web.chart.map"),
        f.territory(),
        locale);
  }

  private ChartSpec trajectory(IndicatorDoc doc, Filters f, Audience audience, Locale locale)
      throws SQLException {
    List<Figure> figures = figures(doc.code(), f.sex(), f, audience);
    Series line = FigureCharts.series(f.sex(), figures);
    if (line == null) {
      return null;
    }
    List<ChartPoint> points = line.points();
    CellProgress cell =
        publication.cell(doc.code(), f.asOf(), f.sex(), f.territory(), audience).progress();
    ChartPoint baseline =
        cell.baseline() == null
            ? null
            : new ChartPoint(cell.baseline().date(), cell.baseline().value());
    List<ChartPoint> target = new ArrayList<>();
    if (baseline != null && cell.target() != null) {
      target.add(baseline);
      target.add(new ChartPoint(cell.target().date(), cell.target().value()));
    }
    ForecastBand band = null;
    if (cell.forecast().outcome() == Forecast.Outcome.PROJECTED && !points.isEmpty()) {
      Forecast.Projection p = cell.forecast().projection();
      ChartPoint last = points.get(points.size() - 1);
      band =
          new ForecastBand(
              p.level(),
              List.of(
                  new ForecastBand.BandPoint(
                      last.period(), last.value(), last.value(), last.value()),
                  new ForecastBand.BandPoint(p.targetDate(), p.lower(), p.predicted(), p.upper())));
    }
    return new TimeSeriesChart(
        meta(doc, f, locale, "web.chart.trajectory"), List.of(line), baseline, target, band);
  }

  private ChartSpec bySex(IndicatorDoc doc, Filters f, Audience audience, Locale locale)
      throws SQLException {
    List<Series> lines = new ArrayList<>();
    for (Sex s : List.of(Sex.F, Sex.M)) {
      Series line = FigureCharts.series(s, figures(doc.code(), s, f, audience));
      if (line != null) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    return new TimeSeriesChart(meta(doc, f, locale, "web.chart.sex"), lines, null, List.of(), null);
  }

  private ChartSpec byPlace(IndicatorDoc doc, Filters f, Audience audience, Locale locale)
      throws SQLException {
    var district = publication.cell(doc.code(), f.asOf(), f.sex(), f.territory(), audience);
    Territory parent = territories.require(district.territory());
    // A rate's places follow the small-count rule on their events, as its table and maps do: a
    // rate and a population give a withheld count back.
    SmallAreas.Table rates = smallAreas.of(doc.code(), f.asOf(), f.sex(), null, audience);
    java.util.Set<String> withheld =
        rates == null
            ? java.util.Set.of()
            : rates.rows().stream()
                .filter(r -> r.mark() == Mark.WITHHELD)
                .map(SmallAreas.Row::territory)
                .collect(java.util.stream.Collectors.toSet());
    List<TerritoryBarChart.Bar> bars = new ArrayList<>();
    for (Territory child : territories.all()) {
      if (parent.id().equals(child.parentId())) {
        var cell = publication.cell(doc.code(), f.asOf(), f.sex(), child.code(), audience);
        TerritoryBarChart.Bar bar =
            withheld.contains(child.code()) && cell.mark().hasValue()
                ? TerritoryBarChart.Bar.suppressed(child.name())
                : FigureCharts.bar(child.name(), cell);
        if (bar != null) {
          bars.add(bar);
        }
      }
    }
    if (bars.isEmpty() || bars.stream().allMatch(b -> b.value() == null)) {
      return null;
    }
    return new TerritoryBarChart(
        meta(doc, f, locale, "web.chart.territories"),
        bars,
        FigureCharts.placeTarget(doc.kind(), district));
  }

  /**
   * The corregimientos as a map, coloured by their latest figure as the publication layer gives it
   * (withheld hatched, no data grey); none when no corregimiento has an outline or a figure.
   */
  private ChartSpec map(IndicatorDoc doc, Filters f, Audience audience, Locale locale)
      throws SQLException {
    if (rateMap(SmallAreaMaps.Which.CRUDE, doc, f, audience, locale) instanceof ChoroplethMap m) {
      // A rate alone (the plan's and a corregimiento's pages): the observed rate under the small-
      // count rule, titled as the indicator's map, its period named, with no word of a smoothed
      // twin.
      SmallAreas.Table table = smallAreas.of(doc.code(), f.asOf(), f.sex(), null, audience);
      String period = MapPeriods.label(doc.frequency(), table.period(), locale);
      List<ChoroplethMap.Area> areas =
          m.areas().stream()
              .map(a -> a.fill() == ChoroplethMap.Fill.NO_DATA ? a : a.withPeriod(period))
              .toList();
      return new ChoroplethMap(
          meta(doc, f, locale, "web.chart.map"),
          areas,
          m.classes(),
          m.illustrative(),
          m.highlight(),
          null,
          null);
    }
    var district = publication.cell(doc.code(), f.asOf(), f.sex(), f.territory(), audience);
    List<BoundaryShape> shapes = boundaries.childrenOf(district.territory());
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    for (BoundaryShape shape : shapes) {
      var cell = publication.cell(doc.code(), f.asOf(), f.sex(), shape.code(), audience);
      ChoroplethMap.Area area =
          switch (cell.mark()) {
            case SHOWN, PROVISIONAL ->
                ChoroplethMap.Area.of(
                    shape.code(), shape.name(), shape.rings(), cell.latestValue());
            case WITHHELD -> ChoroplethMap.Area.withheld(shape.code(), shape.name(), shape.rings());
            case NO_DATA -> ChoroplethMap.Area.noData(shape.code(), shape.name(), shape.rings());
          };
      // Each corregimiento's latest figure may be from another period: the map names them.
      areas.add(
          cell.period() == null || cell.mark() == Mark.NO_DATA
              ? area
              : area.withPeriod(MapPeriods.label(doc.frequency(), cell.period(), locale)));
    }
    if (areas.stream().noneMatch(a -> a.fill() != ChoroplethMap.Fill.NO_DATA)) {
      return null;
    }
    return new ChoroplethMap(
        meta(doc, f, locale, "web.chart.map"),
        areas,
        5,
        shapes.stream().anyMatch(BoundaryShape::illustrative),
        null,
        null);
  }

  private List<Figure> figures(String code, Sex sex, Filters f, Audience audience)
      throws SQLException {
    return publication.series(code, sex, f.territory(), f.asOf(), audience);
  }

  static String source(IndicatorDoc doc) {
    return doc.sources().stream()
        .filter(IndicatorDoc.SourceDoc::official)
        .map(IndicatorDoc.SourceDoc::name)
        .findFirst()
        .orElse(doc.institution() == null ? "—" : doc.institution());
  }

  private static ChartMeta meta(IndicatorDoc doc, Filters f, Locale locale, String titleKey) {
    String source = source(doc);
    String title = Messages.format(locale, titleKey, doc.name());
    return new ChartMeta(title, doc.unit(), source, f.asOf(), style(doc));
  }

  static NumberStyle style(IndicatorDoc doc) {
    return FigureText.style(doc.kind());
  }
}
