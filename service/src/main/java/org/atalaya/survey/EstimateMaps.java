package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.shared.Messages;
import org.atalaya.territory.BoundaryShape;

/**
 * A survey estimate by corregimiento as a map, for the survey page and the report alike. What each
 * corregimiento shows comes from its estimate cell as {@link EstimateDisclosure} left it: withheld
 * (suppressed) is hatched, never a colour and never zero; no cell is grey; a low-reliability
 * estimate is coloured and named in a note under the title, as the tables mark it. The period is
 * the wave's fieldwork, the same for every corregimiento.
 */
public final class EstimateMaps {
  private EstimateMaps() {}

  /**
   * One corregimiento's cell.
   *
   * @param value the estimate in the map's unit (a proportion in percent), null when withheld
   * @param withheld suppressed by the disclosure rule: hatched even for staff, who see the figure
   *     in the table beside the map
   * @param lowReliability published with a warning (weakly reliable)
   */
  public record Place(
      String territory, @Nullable Double value, boolean withheld, boolean lowReliability) {
    public Place {
      if (!withheld && value == null) {
        throw new IllegalArgumentException("a place that is not withheld has its estimate");
      }
    }
  }

  /**
   * The map, or null when no corregimiento has an outline or a cell.
   *
   * @param fieldwork the wave's fieldwork dates in words ("1 jun. 2025 – 31 jul. 2025")
   */
  public static @Nullable ChoroplethMap of(
      List<BoundaryShape> shapes,
      List<Place> places,
      ChartMeta meta,
      String fieldwork,
      Locale locale) {
    Map<String, Place> byCode =
        places.stream()
            .collect(Collectors.toMap(Place::territory, Function.identity(), (a, b) -> a));
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    List<String> weak = new ArrayList<>();
    for (BoundaryShape shape : shapes) {
      Place p = byCode.get(shape.code());
      if (p == null) {
        areas.add(ChoroplethMap.Area.noData(shape.code(), shape.name(), shape.rings()));
        continue;
      }
      ChoroplethMap.Area area =
          p.withheld()
              ? ChoroplethMap.Area.withheld(shape.code(), shape.name(), shape.rings())
              : ChoroplethMap.Area.of(shape.code(), shape.name(), shape.rings(), p.value());
      if (!p.withheld() && p.lowReliability()) {
        weak.add(shape.name());
      }
      areas.add(area.withPeriod(fieldwork));
    }
    if (areas.stream().allMatch(a -> a.fill() == ChoroplethMap.Fill.NO_DATA)) {
      return null;
    }
    String note =
        weak.isEmpty()
            ? null
            : Messages.format(locale, "survey.map.lowReliability", String.join(", ", weak));
    return new ChoroplethMap(
        meta, areas, 5, shapes.stream().anyMatch(BoundaryShape::illustrative), null, note, null);
  }
}
