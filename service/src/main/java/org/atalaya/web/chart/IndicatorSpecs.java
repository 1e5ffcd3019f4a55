package org.atalaya.web.chart;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.ForecastBand;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.TerritoryBarChart;
import org.atalaya.chart.TimeSeriesChart;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.Forecast;
import org.atalaya.progress.ProgressFacade;
import org.atalaya.shared.Messages;
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
    TERRITORIES
  }

  private final MeasurementQueries series;
  private final ProgressFacade progress;
  private final TerritoryService territories;

  IndicatorSpecs(MeasurementQueries series, ProgressFacade progress, TerritoryService territories) {
    this.series = series;
    this.progress = progress;
    this.territories = territories;
  }

  /** The chart, or null when the indicator has nothing to draw for it (no data, no breakdown). */
  public ChartSpec spec(IndicatorDoc doc, Kind kind, Filters f, Locale locale) throws SQLException {
    return switch (kind) {
      case TRAJECTORY -> trajectory(doc, f, locale);
      case SEX -> doc.disaggregations().sex() ? bySex(doc, f, locale) : null;
      case TERRITORIES -> doc.disaggregations().territory() ? byPlace(doc, f, locale) : null;
    };
  }

  private ChartSpec trajectory(IndicatorDoc doc, Filters f, Locale locale) throws SQLException {
    List<ChartPoint> points = points(doc, f.sex(), f);
    if (points.isEmpty()) {
      return null;
    }
    CellProgress cell = progress.indicator(doc.code(), f.asOf(), f.sex(), f.territory()).progress();
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
    if (cell.forecast().outcome() == Forecast.Outcome.PROJECTED) {
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
    Map<Sex, List<ChartPoint>> one = new EnumMap<>(Sex.class);
    one.put(f.sex(), points);
    return TimeSeriesChart.bySex(
        meta(doc, f, locale, "web.chart.trajectory"), one, baseline, target, band);
  }

  private ChartSpec bySex(IndicatorDoc doc, Filters f, Locale locale) throws SQLException {
    Map<Sex, List<ChartPoint>> bySex = new EnumMap<>(Sex.class);
    for (Sex s : List.of(Sex.F, Sex.M)) {
      List<ChartPoint> points = points(doc, s, f);
      if (!points.isEmpty()) {
        bySex.put(s, points);
      }
    }
    if (bySex.isEmpty()) {
      return null;
    }
    return TimeSeriesChart.bySex(
        meta(doc, f, locale, "web.chart.sex"), bySex, null, List.of(), null);
  }

  private ChartSpec byPlace(IndicatorDoc doc, Filters f, Locale locale) throws SQLException {
    var district = progress.indicator(doc.code(), f.asOf(), f.sex(), f.territory());
    Territory parent = territories.require(district.territory());
    List<TerritoryBarChart.Bar> bars = new ArrayList<>();
    for (Territory child : territories.all()) {
      if (parent.id().equals(child.parentId())) {
        var cell = progress.indicator(doc.code(), f.asOf(), f.sex(), child.code()).progress();
        bars.add(
            cell.latest() == null
                ? TerritoryBarChart.Bar.suppressed(child.name())
                : TerritoryBarChart.Bar.of(child.name(), cell.latest().value()));
      }
    }
    if (bars.isEmpty() || bars.stream().allMatch(b -> b.value() == null)) {
      return null;
    }
    Double target =
        district.progress().target() == null ? null : district.progress().target().value();
    return new TerritoryBarChart(meta(doc, f, locale, "web.chart.territories"), bars, target);
  }

  private List<ChartPoint> points(IndicatorDoc doc, Sex sex, Filters f) throws SQLException {
    return points(doc.code(), sex, f.territory(), f.asOf());
  }

  /** The observed values of one cell up to the cut-off, oldest first. */
  public List<ChartPoint> points(String code, Sex sex, @Nullable String territory, LocalDate asOf)
      throws SQLException {
    var view = series.series(code, sex, territory, null, null, asOf);
    List<ChartPoint> points = new ArrayList<>();
    for (MeasurementQueries.Point p : view.points()) {
      if (p.value() != null) {
        points.add(new ChartPoint(p.start(), p.value().doubleValue()));
      }
    }
    return points;
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
    return doc.kind() == IndicatorKind.COUNT ? NumberStyle.INTEGER : NumberStyle.ONE_DECIMAL;
  }
}
