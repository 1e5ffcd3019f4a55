package org.atalaya.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.atalaya.chart.ChoroplethMap.Area;
import org.atalaya.chart.ChoroplethMap.Fill;

/** A map's alt text and its table: each territory with its value (or why none) and its class. */
final class MapDescriber {
  private MapDescriber() {}

  static ChartDescription describe(ChoroplethMap spec, Formats f) {
    MapClasses classes = ChoroplethDrawing.classes(spec);
    List<Area> valued =
        spec.areas().stream()
            .filter(a -> a.fill() == Fill.VALUE)
            .sorted(Comparator.comparing(Area::value))
            .toList();
    StringBuilder alt =
        new StringBuilder(
            f.text("chart.alt.map", spec.meta().title(), spec.areas().size(), spec.meta().unit()));
    if (!valued.isEmpty()) {
      Area low = valued.get(0);
      Area high = valued.get(valued.size() - 1);
      alt.append(' ')
          .append(
              f.text(
                  "chart.alt.range",
                  high.name(),
                  f.number(high.value()),
                  low.name(),
                  f.number(low.value())));
    }
    List<String> withheld = names(spec, Fill.WITHHELD);
    if (!withheld.isEmpty()) {
      alt.append(' ').append(f.text("chart.alt.suppressed", String.join(", ", withheld)));
    }
    List<String> none = names(spec, Fill.NO_DATA);
    if (!none.isEmpty()) {
      alt.append(' ').append(f.text("chart.alt.mapNoData", String.join(", ", none)));
    }
    for (String note : ChoroplethDrawing.notes(spec, classes, f)) {
      alt.append(' ').append(note);
    }
    boolean periods = !ChoroplethDrawing.periods(spec).isEmpty();
    List<List<String>> rows = new ArrayList<>();
    for (Area a : spec.areas()) {
      List<String> row =
          switch (a.fill()) {
            case VALUE ->
                List.of(
                    a.name(),
                    f.number(a.value()),
                    f.text("chart.map.class", classes.classOf(a.value()) + 1, classes.count()));
            case NO_DATA -> List.of(a.name(), f.text("chart.status.NO_DATA"), "");
            case WITHHELD -> List.of(a.name(), f.text("chart.suppressed"), "");
          };
      if (periods) {
        row = new ArrayList<>(row);
        row.add(a.period() == null ? "" : a.period());
      }
      rows.add(List.copyOf(row));
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                f.text("chart.col.territory"),
                f.text("chart.col.value"),
                f.text("chart.col.class")));
    if (periods) {
      header.add(f.text("chart.col.period"));
    }
    return new ChartDescription(alt.toString(), List.copyOf(header), rows);
  }

  private static List<String> names(ChoroplethMap spec, Fill fill) {
    return spec.areas().stream().filter(a -> a.fill() == fill).map(Area::name).toList();
  }
}
