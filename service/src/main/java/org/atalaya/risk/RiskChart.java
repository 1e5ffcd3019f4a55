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
import org.atalaya.shared.Messages;
import org.atalaya.territory.BoundaryShape;

/**
 * The public risk map: reports by corregimiento on the corregimientos' outlines, through the
 * charts' choropleth; a withheld count is hatched, never a colour, and no point is drawn. The risk
 * page and the report draw the same map from the same aggregate.
 */
public final class RiskChart {
  private RiskChart() {}

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
