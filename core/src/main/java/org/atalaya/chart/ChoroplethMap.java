package org.atalaya.chart;

import java.util.List;
import java.util.Objects;

/**
 * A choropleth map: one shape per territory, coloured by the class its value falls in.
 *
 * <p>How to use it: give each territory its outline as rings of {@code [longitude, latitude]}
 * positions in WGS84 (outer rings, holes and detached pieces alike; the renderer fills them
 * even–odd, so a hole stays empty and an islet inside it is filled again), and either its value
 * ({@link Area#of}), no data ({@link Area#noData}: grey) or a withheld figure ({@link
 * Area#withheld}: hatched, never a colour). {@link ChartMeta} gives the title, unit, source and
 * cut-off date. Draw it with {@link Charts#svg} or {@link Charts#png} like every chart, and put
 * {@link Charts#describe}'s alt text and table beside it. Classes are quantiles of the values shown
 * (equal counts of territories per class) or natural breaks ({@link Breaks#NATURAL}: Fisher's exact
 * Jenks classes), stated on the map. Outlines are simplified for the screen (see {@link
 * MapOutlines}); {@link #withFullDetail()} draws every position given.
 *
 * @param classes how many classes at most (2 to 7); fewer when there are fewer distinct values
 * @param illustrative the outlines are not official boundaries: the map says so under its title
 * @param highlight the code of a territory to outline boldly (its own page), or null
 * @param note an extra line of small print under the title (e.g. "tasa suavizada"), or null
 * @param classesFrom the values the classes are cut from when maps set side by side share one scale
 *     (a crude and a smoothed rate), or null for this map's own values
 * @param breaks how the classes are cut: quantiles or natural breaks
 * @param fullDetail draw every position given, unsimplified (a comparison; maps people read do not)
 * @param backdrop outlines drawn underneath, unfilled and out of the legend and the table (the
 *     corregimientos under a grid of cells), or empty
 */
public record ChoroplethMap(
    ChartMeta meta,
    List<Area> areas,
    int classes,
    boolean illustrative,
    String highlight,
    String note,
    List<Double> classesFrom,
    Breaks breaks,
    boolean fullDetail,
    List<Area> backdrop)
    implements ChartSpec {
  public ChoroplethMap(
      ChartMeta meta,
      List<Area> areas,
      int classes,
      boolean illustrative,
      String highlight,
      String note,
      List<Double> classesFrom) {
    this(
        meta,
        areas,
        classes,
        illustrative,
        highlight,
        note,
        classesFrom,
        Breaks.QUANTILES,
        false,
        List.of());
  }

  public ChoroplethMap(
      ChartMeta meta,
      List<Area> areas,
      int classes,
      boolean illustrative,
      String highlight,
      String note) {
    this(meta, areas, classes, illustrative, highlight, note, null);
  }

  public ChoroplethMap {
    breaks = breaks == null ? Breaks.QUANTILES : breaks;
    backdrop = backdrop == null ? List.of() : List.copyOf(backdrop);
    classesFrom = classesFrom == null ? null : List.copyOf(classesFrom);
    Objects.requireNonNull(meta, "meta");
    areas = List.copyOf(areas);
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("a map needs at least one territory");
    }
    if (areas.stream().map(Area::code).distinct().count() != areas.size()) {
      throw new IllegalArgumentException("each territory appears once");
    }
    if (classes < 2 || classes > 7) {
      throw new IllegalArgumentException("classes must be between 2 and 7");
    }
  }

  /** The same map, its classes cut this way. */
  public ChoroplethMap withBreaks(Breaks how) {
    return new ChoroplethMap(
        meta,
        areas,
        classes,
        illustrative,
        highlight,
        note,
        classesFrom,
        how,
        fullDetail,
        backdrop);
  }

  /** The same map over these outlines (drawn unfilled underneath, e.g. corregimientos). */
  public ChoroplethMap withBackdrop(List<Area> outlines) {
    return new ChoroplethMap(
        meta,
        areas,
        classes,
        illustrative,
        highlight,
        note,
        classesFrom,
        breaks,
        fullDetail,
        outlines);
  }

  /** The same map drawn with every position given, unsimplified (to compare sizes and times). */
  public ChoroplethMap withFullDetail() {
    return new ChoroplethMap(
        meta, areas, classes, illustrative, highlight, note, classesFrom, breaks, true, backdrop);
  }

  /** How the classes are cut from the values. */
  public enum Breaks {
    /** Equal counts of territories per class. */
    QUANTILES,
    /** Jenks natural breaks, computed exactly (Fisher 1958): least spread within the classes. */
    NATURAL;

    /** The method named by a setting or a query ("natural", "jenks"), quantiles otherwise. */
    public static Breaks parse(String name) {
      return name != null
              && (name.equalsIgnoreCase("natural")
                  || name.equalsIgnoreCase("jenks")
                  || name.equalsIgnoreCase("NATURAL"))
          ? NATURAL
          : QUANTILES;
    }
  }

  /** What a territory shows. */
  public enum Fill {
    VALUE,
    NO_DATA,
    WITHHELD
  }

  /**
   * One territory on the map.
   *
   * @param rings closed rings of {@code [longitude, latitude]} positions
   * @param value the figure, present only when {@code fill} is {@link Fill#VALUE}
   * @param period the period the figure is from, in words ("2025", "mar. 2026"), or null: when the
   *     areas' periods differ the map says each one's is its latest, and the table names it
   */
  public record Area(
      String code,
      String name,
      List<List<double[]>> rings,
      Fill fill,
      Double value,
      String period) {
    public Area(String code, String name, List<List<double[]>> rings, Fill fill, Double value) {
      this(code, name, rings, fill, value, null);
    }

    public Area {
      code = ChartMeta.required(code, "code");
      name = ChartMeta.required(name, "name");
      rings = rings.stream().map(List::copyOf).toList();
      Objects.requireNonNull(fill, "fill");
      if ((fill == Fill.VALUE) != (value != null)) {
        throw new IllegalArgumentException("a value is given exactly when the fill is a value");
      }
      if (value != null && !Double.isFinite(value)) {
        throw new IllegalArgumentException("value must be a finite number");
      }
      for (List<double[]> ring : rings) {
        if (ring.size() < 4 || ring.stream().anyMatch(p -> p.length < 2)) {
          throw new IllegalArgumentException("a ring has at least four [lon, lat] positions");
        }
      }
    }

    /** The same territory, its figure from this period (in words). */
    public Area withPeriod(String period) {
      return new Area(code, name, rings, fill, value, period);
    }

    public static Area of(String code, String name, List<List<double[]>> rings, double value) {
      return new Area(code, name, rings, Fill.VALUE, value);
    }

    public static Area noData(String code, String name, List<List<double[]>> rings) {
      return new Area(code, name, rings, Fill.NO_DATA, null);
    }

    public static Area withheld(String code, String name, List<List<double[]>> rings) {
      return new Area(code, name, rings, Fill.WITHHELD, null);
    }
  }
}
