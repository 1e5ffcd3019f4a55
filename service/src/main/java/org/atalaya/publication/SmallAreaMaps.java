package org.atalaya.publication;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.shared.Messages;
import org.atalaya.territory.BoundaryShape;

/**
 * A rate by corregimiento as two maps set side by side — the observed rate and Marshall's smoothed
 * rate — drawn from one {@link SmallAreas.Table}, so the page, its images and the report show the
 * same figures: withheld places hatched on both, places without data grey, and one scale of classes
 * cut from both maps' values so that a colour means the same rate on each.
 */
public final class SmallAreaMaps {
  /** Which of the pair. */
  public enum Which {
    CRUDE,
    SMOOTHED
  }

  private SmallAreaMaps() {}

  /**
   * The map, or null when no corregimiento has an outline or a figure; {@code meta} gives unit,
   * source, cut-off and number style (its title is replaced by the pair's own).
   */
  public static @Nullable ChoroplethMap of(
      Which which,
      SmallAreas.Table table,
      List<BoundaryShape> shapes,
      String indicatorName,
      ChartMeta meta,
      @Nullable String highlight,
      Locale locale) {
    if (table.period() == null || shapes.isEmpty()) {
      return null;
    }
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    for (BoundaryShape shape : shapes) {
      SmallAreas.Row row =
          table.rows().stream()
              .filter(r -> r.territory().equals(shape.code()))
              .findFirst()
              .orElse(null);
      areas.add(area(which, row, shape));
    }
    if (areas.stream().noneMatch(a -> a.fill() == ChoroplethMap.Fill.VALUE)) {
      return null;
    }
    List<Double> scale =
        table.rows().stream()
            .flatMap(r -> Stream.of(value(Which.CRUDE, r), value(Which.SMOOTHED, r)))
            .filter(v -> v != null)
            .toList();
    String key = which == Which.CRUDE ? "publication.map.crude" : "publication.map.smoothed";
    String title = Messages.format(locale, key, indicatorName, table.periodLabel());
    return new ChoroplethMap(
        new ChartMeta(title, meta.unit(), meta.source(), meta.asOf(), meta.numbers()),
        areas,
        5,
        shapes.stream().anyMatch(BoundaryShape::illustrative),
        highlight,
        Messages.format(locale, key + ".note"),
        scale);
  }

  private static ChoroplethMap.Area area(
      Which which, @Nullable SmallAreas.Row row, BoundaryShape shape) {
    if (row != null && row.mark() == Mark.WITHHELD) {
      return ChoroplethMap.Area.withheld(shape.code(), shape.name(), shape.rings());
    }
    Double value = value(which, row);
    return value == null
        ? ChoroplethMap.Area.noData(shape.code(), shape.name(), shape.rings())
        : ChoroplethMap.Area.of(shape.code(), shape.name(), shape.rings(), value);
  }

  /** The figure this map shows for a row, or null when it has none to show. */
  public static @Nullable Double value(Which which, @Nullable SmallAreas.Row row) {
    if (row == null || !row.mark().hasValue()) {
      return null;
    }
    return switch (which) {
      case CRUDE -> row.crude();
      case SMOOTHED -> row.smoothed();
    };
  }
}
