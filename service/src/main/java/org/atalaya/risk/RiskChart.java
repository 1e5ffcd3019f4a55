package org.atalaya.risk;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.NumberStyle;
import org.atalaya.publication.Mark;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.territory.BoundaryShape;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;

/**
 * The public risk map: reports by corregimiento on the corregimientos' outlines, through the
 * charts' choropleth; a withheld count is hatched, never a colour, and no point is drawn. The risk
 * page and the report draw the same map from the same aggregate.
 */
public final class RiskChart {
  private RiskChart() {}

  /** The period a map names in words ("1 ene. 2026 – 6 dic. 2026"), or null without reports. */
  public static @Nullable String period(
      @Nullable LocalDate from, @Nullable LocalDate to, Locale locale) {
    if (from == null || to == null) {
      return null;
    }
    return Messages.format(
        locale, "web.risk.period", Dates.day(from, locale), Dates.day(to, locale));
  }

  /**
   * The public grid map: cells of about 500 m with at least one report over the corregimientos'
   * outlines; a cell under the small-count rule hatched, never its count, never a point. Null when
   * no corregimiento of the district has an outline or no cell has a report.
   */
  public static @Nullable ChoroplethMap grid(
      RiskMap.Grid g, List<BoundaryShape> shapes, LocalDate asOf, Locale locale) {
    if (shapes.isEmpty() || g.cells().isEmpty()) {
      return null;
    }
    String period = period(g.from(), g.to(), locale);
    List<ChoroplethMap.Area> cells = new ArrayList<>();
    int n = 0;
    for (RiskMap.GridCell c : g.cells()) {
      n++;
      List<List<double[]>> square =
          List.of(
              List.of(
                  new double[] {c.west(), c.south()},
                  new double[] {c.east(), c.south()},
                  new double[] {c.east(), c.north()},
                  new double[] {c.west(), c.north()},
                  new double[] {c.west(), c.south()}));
      String name = Messages.format(locale, "web.risk.cell", n, where(c, shapes));
      ChoroplethMap.Area area =
          c.mark() == Mark.WITHHELD
              ? ChoroplethMap.Area.withheld(c.code(), name, square)
              : ChoroplethMap.Area.of(c.code(), name, square, c.count());
      cells.add(period == null ? area : area.withPeriod(period));
    }
    List<ChoroplethMap.Area> outlines =
        shapes.stream().map(s -> ChoroplethMap.Area.noData(s.code(), s.name(), s.rings())).toList();
    boolean illustrative =
        g.illustrative() || shapes.stream().anyMatch(BoundaryShape::illustrative);
    ChartMeta meta =
        new ChartMeta(
            Messages.format(
                locale, "web.risk.gridTitle", g.districtName(), GridSize.words(g.cellMetres())),
            Messages.format(locale, "web.risk.reports"),
            Messages.format(locale, "web.risk.mapSource"),
            asOf,
            NumberStyle.INTEGER);
    return new ChoroplethMap(
            meta,
            cells,
            4,
            illustrative,
            null,
            Messages.format(
                locale, "web.risk.gridNote", GridSize.words(g.cellMetres()), g.withheldBelow()))
        .withBackdrop(outlines);
  }

  /** The corregimiento a cell's centre falls in, for its name in the table. */
  private static String where(RiskMap.GridCell c, List<BoundaryShape> shapes) {
    double lon = (c.west() + c.east()) / 2;
    double lat = (c.south() + c.north()) / 2;
    for (BoundaryShape s : shapes) {
      if (inside(s.rings(), lon, lat)) {
        return s.name();
      }
    }
    return "—";
  }

  /** Even–odd over the rings (a hole's inside is outside), by JTS's point-in-ring test. */
  private static boolean inside(List<List<double[]>> rings, double x, double y) {
    Coordinate p = new Coordinate(x, y);
    boolean in = false;
    for (List<double[]> ring : rings) {
      Coordinate[] cs =
          ring.stream().map(q -> new Coordinate(q[0], q[1])).toArray(Coordinate[]::new);
      if (PointLocation.isInRing(p, cs)) {
        in = !in;
      }
    }
    return in;
  }

  /** Null when no corregimiento of the district has an outline. */
  public static @Nullable ChoroplethMap of(
      RiskMap.Aggregate a, List<BoundaryShape> shapes, LocalDate asOf, Locale locale) {
    if (shapes.isEmpty()) {
      return null;
    }
    Map<String, RiskMap.PlaceCount> counts =
        a.corregimientos().stream().collect(Collectors.toMap(RiskMap.PlaceCount::code, c -> c));
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    for (BoundaryShape s : shapes) {
      RiskMap.PlaceCount c = counts.get(s.code());
      if (c == null || c.mark() == Mark.NO_DATA) {
        areas.add(ChoroplethMap.Area.noData(s.code(), s.name(), s.rings()));
      } else if (c.mark() == Mark.WITHHELD) {
        areas.add(ChoroplethMap.Area.withheld(s.code(), s.name(), s.rings()));
      } else {
        areas.add(ChoroplethMap.Area.of(s.code(), s.name(), s.rings(), c.count()));
      }
    }
    String period = period(a.from(), a.to(), locale);
    if (period != null) {
      areas = areas.stream().map(x -> x.withPeriod(period)).toList();
    }
    boolean illustrative =
        a.illustrative() || shapes.stream().anyMatch(BoundaryShape::illustrative);
    ChartMeta meta =
        new ChartMeta(
            Messages.format(locale, "web.risk.mapTitle", a.districtName()),
            Messages.format(locale, "web.risk.reports"),
            Messages.format(locale, "web.risk.mapSource"),
            asOf,
            NumberStyle.INTEGER);
    return new ChoroplethMap(
        meta,
        areas,
        4,
        illustrative,
        null,
        Messages.format(locale, "web.risk.mapNote", a.gridMetres()));
  }
}
