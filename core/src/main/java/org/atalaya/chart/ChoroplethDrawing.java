package org.atalaya.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.atalaya.chart.ChoroplethMap.Area;
import org.atalaya.chart.ChoroplethMap.Fill;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Draws a {@link ChoroplethMap} into a PNG's or an SVG's graphics alike: title, notes (how the
 * classes are made; illustrative boundaries), the territories (one group per territory in the SVG,
 * carrying its code and fill), a legend, and the source and cut-off date at the foot.
 */
final class ChoroplethDrawing {
  private static final BasicStroke EDGE = new BasicStroke(0.8f);
  private static final BasicStroke HIGHLIGHT = new BasicStroke(2.6f);
  private static final BasicStroke HATCH = new BasicStroke(0.9f);
  private static final double LEGEND_WIDE = 200;
  private static final double ROW = 18;

  private ChoroplethDrawing() {}

  static MapClasses classes(ChoroplethMap spec) {
    List<Double> values =
        spec.classesFrom() != null
            ? spec.classesFrom()
            : spec.areas().stream().filter(a -> a.fill() == Fill.VALUE).map(Area::value).toList();
    return MapClasses.of(values, spec.classes(), spec.breaks());
  }

  static List<String> notes(ChoroplethMap spec, MapClasses classes, Formats f) {
    List<String> notes = new ArrayList<>();
    if (classes.count() > 0) {
      notes.add(
          f.text(
              spec.breaks() == ChoroplethMap.Breaks.NATURAL
                  ? "chart.map.natural"
                  : "chart.map.quantiles",
              classes.count()));
    }
    List<String> periods = periods(spec);
    if (periods.size() == 1) {
      notes.add(f.text("chart.map.period", periods.get(0)));
    } else if (periods.size() > 1) {
      notes.add(f.text("chart.map.latestEach"));
    }
    if (spec.note() != null) {
      notes.add(spec.note());
    }
    if (spec.illustrative()) {
      notes.add(f.text("chart.map.illustrative"));
    }
    return notes;
  }

  /** The distinct periods the areas' figures come from, in their order. */
  static List<String> periods(ChoroplethMap spec) {
    return spec.areas().stream()
        .map(Area::period)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }

  /** What a pointer over a territory reads: its name, its figure (or why none), its period. */
  static String tooltip(Area a, Formats f) {
    String value =
        switch (a.fill()) {
          case VALUE -> f.number(a.value());
          case NO_DATA -> f.text("chart.status.NO_DATA");
          case WITHHELD -> f.text("chart.suppressed");
        };
    return a.period() == null
        ? f.text("chart.map.tooltip", a.name(), value)
        : f.text("chart.map.tooltipPeriod", a.name(), value, a.period());
  }

  static void draw(ChoroplethMap spec, Formats f, Graphics2D g2, Rectangle2D area) {
    g2.setPaint(Color.WHITE);
    g2.fill(area);
    MapClasses classes = classes(spec);
    double x = area.getX() + 8;
    double width = area.getWidth() - 16;
    double top = area.getY() + 6;
    top += place(g2, Decorations.title(spec.meta()), x, top, width);
    for (String note : notes(spec, classes, f)) {
      top += place(g2, note(note), x, top, width);
    }
    TextTitle footer = Decorations.footer(spec.meta(), f);
    double bottom = area.getMaxY() - 4 - height(g2, footer, width);
    place(g2, footer, x, bottom, width);

    Map<String, Color> legend = legend(spec, classes, f);
    boolean wide = width >= 560;
    double legendHeight = ROW * (legend.size() + 2) + 6;
    Rectangle2D mapArea =
        wide
            ? new Rectangle2D.Double(x, top + 6, width - LEGEND_WIDE - 12, bottom - top - 12)
            : new Rectangle2D.Double(x, top + 6, width, bottom - top - 18 - legendHeight);
    territories(spec, classes, f, g2, mapArea);
    double legendX = wide ? mapArea.getMaxX() + 12 : x;
    double legendY = wide ? top + 10 : mapArea.getMaxY() + 8;
    legend(g2, spec.meta().unit(), method(spec, f), legend, legendX, legendY);
  }

  private static void territories(
      ChoroplethMap spec, MapClasses classes, Formats f, Graphics2D g2, Rectangle2D box) {
    List<Area> everything = new ArrayList<>(spec.areas());
    everything.addAll(spec.backdrop());
    Projection projection = Projection.fit(everything, box);
    // A raster draws every position at no cost in bytes: only the SVG's outlines are simplified.
    boolean simplify = g2 instanceof SVGGraphics2D && !spec.fullDetail();
    List<Path2D> outlines = outlines(simplify, spec.areas(), projection);
    DoubleFunction<String> numbers = null;
    if (simplify && g2 instanceof SVGGraphics2D svg) {
      numbers = svg.getGeomDoubleConverter();
      svg.setGeomDoubleConverter(MapOutlines::oneDecimal);
    }
    Path2D highlighted = null;
    for (int i = 0; i < spec.areas().size(); i++) {
      Area a = spec.areas().get(i);
      Path2D shape = outlines.get(i);
      Map<String, String> group = new LinkedHashMap<>();
      group.put("id", "area-" + a.code());
      group.put("class", "map-area map-" + fillName(a, classes));
      boolean svg = g2 instanceof SVGGraphics2D;
      if (svg) {
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
        g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, tooltip(a, f));
      }
      switch (a.fill()) {
        case VALUE -> {
          g2.setPaint(Palette.sequential(classes.classOf(a.value()), classes.count()));
          g2.fill(shape);
        }
        case NO_DATA -> {
          g2.setPaint(Palette.NO_DATA);
          g2.fill(shape);
        }
        case WITHHELD -> {
          g2.setPaint(Color.WHITE);
          g2.fill(shape);
          hatch(g2, shape);
        }
      }
      g2.setPaint(Color.WHITE);
      g2.setStroke(EDGE);
      g2.draw(shape);
      if (svg) {
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
      }
      if (a.code().equals(spec.highlight())) {
        highlighted = shape;
      }
    }
    // The outlines underneath (corregimientos under a grid), over the cells so they read.
    if (!spec.backdrop().isEmpty()) {
      g2.setPaint(Palette.MUTED_TEXT);
      g2.setStroke(EDGE);
      for (Path2D outline : outlines(simplify, spec.backdrop(), projection)) {
        g2.draw(outline);
      }
    }
    if (highlighted != null) {
      g2.setPaint(Palette.TEXT);
      g2.setStroke(HIGHLIGHT);
      g2.draw(highlighted);
    }
    if (numbers != null) {
      ((SVGGraphics2D) g2).setGeomDoubleConverter(numbers);
    }
  }

  private static List<Path2D> outlines(boolean simplify, List<Area> areas, Projection projection) {
    List<List<List<double[]>>> pixels =
        areas.stream().map(a -> projection.pixels(a.rings())).toList();
    return simplify ? MapOutlines.simplified(pixels) : MapOutlines.full(pixels);
  }

  private static String fillName(Area a, MapClasses classes) {
    return switch (a.fill()) {
      case VALUE -> "class-" + (classes.classOf(a.value()) + 1);
      case NO_DATA -> "nodata";
      case WITHHELD -> "withheld";
    };
  }

  private static void hatch(Graphics2D g2, Shape shape) {
    Shape saved = g2.getClip();
    g2.clip(shape);
    Rectangle2D b = shape.getBounds2D();
    g2.setPaint(Palette.MUTED_TEXT);
    g2.setStroke(HATCH);
    double h = b.getHeight();
    for (double hx = b.getMinX() - h; hx < b.getMaxX(); hx += 5) {
      g2.draw(new Line2D.Double(hx, b.getMaxY(), hx + h, b.getMinY()));
    }
    g2.setClip(saved);
  }

  /** Legend entries in order: each class's range, then no data and withheld when present. */
  private static Map<String, Color> legend(ChoroplethMap spec, MapClasses classes, Formats f) {
    Map<String, Color> entries = new LinkedHashMap<>();
    for (int i = 0; i < classes.count(); i++) {
      double lo = classes.lows().get(i);
      double hi = classes.highs().get(i);
      String label =
          f.number(lo).equals(f.number(hi))
              ? f.number(lo)
              : f.text("chart.map.range", f.number(lo), f.number(hi));
      entries.put(label, Palette.sequential(i, classes.count()));
    }
    if (spec.areas().stream().anyMatch(a -> a.fill() == Fill.NO_DATA)) {
      entries.put(f.text("chart.status.NO_DATA"), Palette.NO_DATA);
    }
    if (spec.areas().stream().anyMatch(a -> a.fill() == Fill.WITHHELD)) {
      entries.put(f.text("chart.map.withheld"), null);
    }
    return entries;
  }

  /** The class method in a word or two, for the legend: "Cuantiles", "Cortes naturales (Jenks)". */
  static String method(ChoroplethMap spec, Formats f) {
    return f.text(
        spec.breaks() == ChoroplethMap.Breaks.NATURAL
            ? "chart.map.method.natural"
            : "chart.map.method.quantiles");
  }

  private static void legend(
      Graphics2D g2, String unit, String method, Map<String, Color> entries, double x, double y) {
    g2.setFont(Theme.PANEL_TITLE);
    g2.setPaint(Palette.TEXT);
    g2.drawString(unit, (float) x, (float) (y + 12));
    g2.setFont(Theme.SMALL);
    g2.setPaint(Palette.MUTED_TEXT);
    g2.drawString(method, (float) x, (float) (y + ROW + 12));
    double rowY = y + 2 * ROW + 2;
    for (Map.Entry<String, Color> e : entries.entrySet()) {
      Rectangle2D swatch = new Rectangle2D.Double(x, rowY, 22, 13);
      if (e.getValue() == null) {
        g2.setPaint(Color.WHITE);
        g2.fill(swatch);
        hatch(g2, swatch);
      } else {
        g2.setPaint(e.getValue());
        g2.fill(swatch);
      }
      g2.setPaint(Palette.MUTED_TEXT);
      g2.setStroke(EDGE);
      g2.draw(swatch);
      g2.setPaint(Palette.TEXT);
      g2.drawString(e.getKey(), (float) (x + 30), (float) (rowY + 11));
      rowY += ROW;
    }
  }

  private static TextTitle note(String text) {
    return new TextTitle(
        text,
        Theme.NOTE,
        Palette.MUTED_TEXT,
        RectangleEdge.TOP,
        HorizontalAlignment.LEFT,
        VerticalAlignment.TOP,
        new RectangleInsets(0, 2, 2, 2));
  }

  private static double place(Graphics2D g2, TextTitle title, double x, double y, double width) {
    double h = height(g2, title, width);
    title.draw(g2, new Rectangle2D.Double(x, y, width, h));
    return h;
  }

  private static double height(Graphics2D g2, TextTitle title, double width) {
    return title.arrange(g2, new RectangleConstraint(width, 0).toUnconstrainedHeight()).getHeight();
  }

  /**
   * Longitude and latitude to the page: an equirectangular projection true to scale at the map's
   * middle latitude, which is what a municipality-sized map needs, fitted into the box.
   */
  private record Projection(double kx, double scale, double originX, double originY) {
    static Projection fit(List<Area> areas, Rectangle2D box) {
      double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
      double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
      for (Area a : areas) {
        for (List<double[]> ring : a.rings()) {
          for (double[] p : ring) {
            minLon = Math.min(minLon, p[0]);
            maxLon = Math.max(maxLon, p[0]);
            minLat = Math.min(minLat, p[1]);
            maxLat = Math.max(maxLat, p[1]);
          }
        }
      }
      if (minLon > maxLon) {
        return new Projection(1, 1, box.getX(), box.getY());
      }
      double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
      double w = Math.max((maxLon - minLon) * kx, 1e-9);
      double h = Math.max(maxLat - minLat, 1e-9);
      double scale = Math.min(box.getWidth() / w, box.getHeight() / h);
      double originX = box.getCenterX() - (minLon * kx + w / 2) * scale;
      double originY = box.getCenterY() + (minLat + h / 2) * scale;
      return new Projection(kx, scale, originX, originY);
    }

    List<List<double[]>> pixels(List<List<double[]>> rings) {
      return rings.stream()
          .map(
              ring ->
                  ring.stream()
                      .map(p -> new double[] {originX + p[0] * kx * scale, originY - p[1] * scale})
                      .toList())
          .toList();
    }
  }
}
