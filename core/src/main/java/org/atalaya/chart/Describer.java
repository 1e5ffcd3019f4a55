package org.atalaya.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Alt text and data table of a chart, in the chart's own words and number formats. */
final class Describer {
  private Describer() {}

  static ChartDescription describe(ChartSpec spec, Formats f) {
    if (spec instanceof TimeSeriesChart t) {
      return timeSeries(t, f);
    }
    if (spec instanceof TerritoryBarChart b) {
      return bars(b, f);
    }
    if (spec instanceof BulletChart b) {
      return ProgressDescriber.bullet(b, f);
    }
    if (spec instanceof EstimateChart e) {
      return ProgressDescriber.estimates(e, f);
    }
    if (spec instanceof SmallMultiplesChart s) {
      return ProgressDescriber.panels(s, f);
    }
    if (spec instanceof ChoroplethMap m) {
      return MapDescriber.describe(m, f);
    }
    throw new IllegalArgumentException(spec.getClass().getSimpleName());
  }

  private static ChartDescription timeSeries(TimeSeriesChart spec, Formats f) {
    List<ChartPoint> all = new ArrayList<>(spec.target());
    spec.series().forEach(s -> all.addAll(s.points()));
    List<LocalDate> days = new ArrayList<>(all.stream().map(ChartPoint::period).toList());
    spec.series().forEach(s -> days.addAll(s.withheld()));
    boolean yearly = Formats.yearly(all);
    LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
    List<String> latest = new ArrayList<>();
    for (Series s : spec.series()) {
      if (s.latest() != null) {
        latest.add(
            f.text(
                "chart.alt.latest",
                TimeSeriesPlot.label(s, f),
                f.period(s.latest().period(), yearly),
                value(s.latest(), f)));
      }
    }
    StringBuilder alt = new StringBuilder();
    alt.append(
        f.text(
            "chart.alt.timeSeries",
            spec.meta().title(),
            f.period(first, yearly),
            f.period(last, yearly),
            spec.meta().unit()));
    alt.append(' ').append(String.join("; ", latest)).append('.');
    ChartPoint target = spec.finalTarget();
    alt.append(' ')
        .append(
            target == null
                ? f.text("chart.alt.noTarget")
                : f.text(
                    "chart.alt.target",
                    f.period(target.period(), yearly),
                    f.number(target.value())));
    if (spec.baseline() != null) {
      alt.append(' ')
          .append(
              f.text(
                  "chart.baseline",
                  f.period(spec.baseline().period(), yearly),
                  f.number(spec.baseline().value())))
          .append('.');
    }

    List<String> header = new ArrayList<>();
    header.add(f.text("chart.col.period"));
    List<Map<LocalDate, String>> columns = new ArrayList<>();
    String withheld = f.text("chart.suppressed");
    for (Series s : spec.series()) {
      header.add(TimeSeriesPlot.label(s, f));
      Map<LocalDate, String> column = texts(s.points(), f);
      s.withheld().forEach(d -> column.put(d, withheld));
      columns.add(column);
    }
    if (!spec.target().isEmpty()) {
      header.add(f.text("chart.target"));
      columns.add(texts(spec.target(), f));
    }
    if (spec.forecast() != null) {
      header.add(f.text("chart.col.forecast"));
      header.add(f.text("chart.col.lower"));
      header.add(f.text("chart.col.upper"));
      List<ForecastBand.BandPoint> band = spec.forecast().points();
      columns.add(band.stream().collect(Collectors.toMap(p -> p.period(), p -> f.number(p.mid()))));
      columns.add(
          band.stream().collect(Collectors.toMap(p -> p.period(), p -> f.number(p.lower()))));
      columns.add(
          band.stream().collect(Collectors.toMap(p -> p.period(), p -> f.number(p.upper()))));
    }
    TreeMap<LocalDate, List<String>> rows = new TreeMap<>();
    for (Map<LocalDate, String> column : columns) {
      column.keySet().forEach(d -> rows.put(d, null));
    }
    List<List<String>> table = new ArrayList<>();
    for (LocalDate period : rows.keySet()) {
      List<String> row = new ArrayList<>();
      row.add(f.period(period, yearly));
      columns.forEach(c -> row.add(c.getOrDefault(period, f.number(null))));
      table.add(row);
    }
    return new ChartDescription(alt.toString(), header, table);
  }

  private static ChartDescription bars(TerritoryBarChart spec, Formats f) {
    List<TerritoryBarChart.Bar> shown =
        spec.bars().stream().filter(b -> !b.isSuppressed()).toList();
    List<String> suppressed =
        spec.bars().stream()
            .filter(TerritoryBarChart.Bar::isSuppressed)
            .map(TerritoryBarChart.Bar::territory)
            .toList();
    StringBuilder alt = new StringBuilder();
    alt.append(
        f.text("chart.alt.bars", spec.meta().title(), spec.bars().size(), spec.meta().unit()));
    if (!shown.isEmpty()) {
      TerritoryBarChart.Bar max = shown.get(0);
      TerritoryBarChart.Bar min = shown.get(0);
      for (TerritoryBarChart.Bar b : shown) {
        max = b.value() > max.value() ? b : max;
        min = b.value() < min.value() ? b : min;
      }
      alt.append(' ')
          .append(
              f.text(
                  "chart.alt.range",
                  max.territory(),
                  f.number(max.value()),
                  min.territory(),
                  f.number(min.value())));
    }
    if (spec.target() != null) {
      alt.append(' ').append(f.text("chart.targetValue", f.number(spec.target()))).append('.');
    }
    if (!suppressed.isEmpty()) {
      alt.append(' ').append(f.text("chart.alt.suppressed", String.join(", ", suppressed)));
    }
    String word = f.text("chart.suppressed");
    Function<TerritoryBarChart.Bar, String> value =
        b -> b.isSuppressed() ? word : f.number(b.value());
    List<List<String>> rows =
        spec.bars().stream().map(b -> List.of(b.territory(), value.apply(b))).toList();
    return new ChartDescription(
        alt.toString(), List.of(f.text("chart.col.territory"), spec.meta().unit()), rows);
  }

  private static Map<LocalDate, String> texts(List<ChartPoint> points, Formats f) {
    Map<LocalDate, String> texts = new TreeMap<>();
    points.forEach(p -> texts.put(p.period(), value(p, f)));
    return texts;
  }

  /** A point's value as the table prints it: a provisional one says so. */
  static String value(ChartPoint p, Formats f) {
    String number = f.number(p.value());
    return p.provisional() ? f.text("chart.provisionalValue", number) : number;
  }
}
