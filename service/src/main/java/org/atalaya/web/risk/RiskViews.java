package org.atalaya.web.risk;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.publication.Mark;
import org.atalaya.risk.GridPoint;
import org.atalaya.risk.RiskMap;
import org.atalaya.risk.UnsafePlace;
import org.atalaya.shared.Problem;
import org.atalaya.web.NumberText;

/** The risk map's pages, every figure already in words in the page's language. */
final class RiskViews {
  private RiskViews() {}

  /** A count in words: the number, or "suprimido" when the small-count rule withholds it. */
  record Line(String code, String label, String count, boolean withheld) {}

  record Counts(
      String district,
      @Nullable Integer year,
      String total,
      List<Line> places,
      List<Line> kinds,
      int withheldBelow,
      int gridMetres,
      boolean illustrative,
      @Nullable org.atalaya.web.chart.ChartBlock map,
      @Nullable String period,
      boolean grid,
      String gridCell,
      boolean natural) {}

  /** A dot on the analysts' map: SVG coordinates in a 0–1000 box, and what it is. */
  record Dot(String x, String y, String title) {}

  record Row(String date, String place, String kind, String source, String lat, String lon) {}

  record Points(
      List<Row> rows,
      List<Dot> dots,
      int width,
      int height,
      int gridMetres,
      boolean illustrative) {}

  /** The import page: the result of a run, or the problems that refused it. */
  record Import(
      @Nullable RiskMap.ImportResult result, List<Problem.Violation> problems, boolean dryRun) {
    static Import empty() {
      return new Import(null, List.of(), true);
    }

    public int gridMetres() {
      return GridPoint.CELL_METRES;
    }

    /** The columns read past and not kept, as one phrase. */
    public String dropped() {
      return result == null ? "" : String.join(", ", result.droppedColumns());
    }

    /** The corregimientos and their counts, in words for the list. */
    public List<String> counted() {
      return result == null
          ? List.of()
          : result.byCorregimiento().entrySet().stream()
              .map(e -> e.getKey() + ": " + e.getValue())
              .toList();
    }
  }

  static Counts counts(
      RiskMap.Aggregate a,
      @Nullable Integer year,
      boolean grid,
      org.atalaya.chart.ChoroplethMap.Breaks breaks,
      @Nullable org.atalaya.web.chart.ChartBlock map,
      int gridCellMetres,
      Locale locale) {
    List<Line> places =
        a.corregimientos().stream()
            .map(p -> line(p.code(), p.name(), p.count(), p.mark(), locale))
            .toList();
    List<Line> kinds =
        a.kinds().stream()
            .map(
                k ->
                    line(
                        k.kind().name(),
                        org.atalaya.shared.Messages.format(locale, "risk.kind." + k.kind().name()),
                        k.count(),
                        k.mark(),
                        locale))
            .toList();
    return new Counts(
        a.districtName(),
        year,
        NumberText.number((double) a.total(), 0, locale),
        places,
        kinds,
        a.withheldBelow(),
        a.gridMetres(),
        a.illustrative(),
        map,
        org.atalaya.risk.RiskChart.period(a.from(), a.to(), locale),
        grid,
        org.atalaya.risk.GridSize.words(gridCellMetres),
        breaks == org.atalaya.chart.ChoroplethMap.Breaks.NATURAL);
  }

  private static Line line(
      String code, String label, @Nullable Long count, Mark mark, Locale locale) {
    boolean withheld = mark == Mark.WITHHELD;
    String text =
        withheld
            ? org.atalaya.shared.Messages.format(locale, "publication.withheld")
            : NumberText.number(count == null ? null : count.doubleValue(), 0, locale);
    return new Line(code, label, text, withheld);
  }

  static Points points(List<UnsafePlace> places, boolean illustrative, Locale locale) {
    List<Row> rows = new ArrayList<>();
    for (UnsafePlace p : places) {
      rows.add(
          new Row(
              NumberText.date(p.reportedOn(), locale),
              p.territoryName(),
              org.atalaya.shared.Messages.format(locale, "risk.kind." + p.kind().name()),
              org.atalaya.shared.Messages.format(locale, "risk.source." + p.source().name()),
              NumberText.number(p.point().lat(), 3, locale),
              NumberText.number(p.point().lon(), 3, locale)));
    }
    int width = 1000;
    int height = 700;
    List<Dot> dots = new ArrayList<>();
    if (!places.isEmpty()) {
      double minLat = places.stream().mapToDouble(p -> p.point().lat()).min().orElse(0) - 0.005;
      double maxLat = places.stream().mapToDouble(p -> p.point().lat()).max().orElse(0) + 0.005;
      double minLon = places.stream().mapToDouble(p -> p.point().lon()).min().orElse(0) - 0.005;
      double maxLon = places.stream().mapToDouble(p -> p.point().lon()).max().orElse(0) + 0.005;
      // Equirectangular at the middle latitude: fine for a district a few tens of km across.
      double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
      double scale = Math.min(width / ((maxLon - minLon) * k), height / (maxLat - minLat));
      for (int i = 0; i < places.size(); i++) {
        GridPoint g = places.get(i).point();
        double x = (g.lon() - minLon) * k * scale;
        double y = (maxLat - g.lat()) * scale;
        Row r = rows.get(i);
        dots.add(
            new Dot(
                String.format(Locale.ROOT, "%.1f", x),
                String.format(Locale.ROOT, "%.1f", y),
                r.kind() + " · " + r.place() + " · " + r.date()));
      }
    }
    return new Points(rows, dots, width, height, GridPoint.CELL_METRES, illustrative);
  }
}
