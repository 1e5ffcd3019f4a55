package org.atalaya.web.chart;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.SmallMultiplesChart;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.progress.CellProgress;
import org.atalaya.publication.Audience;
import org.atalaya.publication.FigureCharts;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.shared.Messages;
import org.atalaya.web.Filters;

/**
 * Small multiples: one small trajectory per indicator (an axis's, or a place's), each with its own
 * scale, its target line and its status, under one title. Built once for the page (alt text and
 * table) and for the image, from the same reads.
 */
@Singleton
public class PanelSpecs {
  public static final int WIDTH = 880;
  private static final int COLUMNS = 2;
  private static final int TITLE_CHARS = 44;
  private static final int TITLE_CHARS_WIDE = 100;

  private final IndicatorService indicators;
  private final Publication publication;

  PanelSpecs(IndicatorService indicators, Publication publication) {
    this.indicators = indicators;
    this.publication = publication;
  }

  /**
   * The panels of these indicators for one place ({@code territory}, null for the district), or
   * null when there is none to draw.
   */
  public @Nullable SmallMultiplesChart spec(
      String title,
      List<String> codes,
      Filters f,
      @Nullable String territory,
      Audience audience,
      Locale locale)
      throws SQLException {
    List<SmallMultiplesChart.Panel> panels = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    int titleChars = codes.size() > 1 ? TITLE_CHARS : TITLE_CHARS_WIDE;
    for (String code : codes) {
      IndicatorDoc doc = indicators.get(code);
      Publication.Cell cell = publication.cell(code, f.asOf(), f.sex(), territory, audience);
      CellProgress p = cell.progress();
      List<ChartPoint> target = new ArrayList<>();
      if (p.baseline() != null && p.target() != null) {
        target.add(new ChartPoint(p.baseline().date(), p.baseline().value()));
        target.add(new ChartPoint(p.target().date(), p.target().value()));
      }
      panels.add(
          new SmallMultiplesChart.Panel(
              shorten(doc.code() + " · " + doc.name(), titleChars),
              doc.unit(),
              IndicatorSpecs.style(doc),
              FigureCharts.points(publication.series(code, f.sex(), territory, f.asOf(), audience)),
              target,
              p.status(),
              cell.statusNote(locale),
              cell.mark() == Mark.WITHHELD ? cell.period() : null));
      String source = IndicatorSpecs.source(doc);
      if (!sources.contains(source)) {
        sources.add(source);
      }
    }
    if (panels.isEmpty()) {
      return null;
    }
    ChartMeta meta =
        new ChartMeta(
            title,
            Messages.format(locale, "web.chart.panels.units"),
            String.join("; ", sources),
            f.asOf(),
            NumberStyle.ONE_DECIMAL);
    return new SmallMultiplesChart(meta, panels, Math.min(COLUMNS, panels.size()));
  }

  /** The width of the one-column version a phone reads ({@code columnas=1}). */
  public static final int NARROW_WIDTH = 440;

  /** The same panels in one column when {@code columnas} is "1" (a phone); else as they are. */
  public static SmallMultiplesChart columns(SmallMultiplesChart spec, @Nullable String columnas) {
    return "1".equals(columnas) ? new SmallMultiplesChart(spec.meta(), spec.panels(), 1) : spec;
  }

  public static int width(@Nullable String columnas) {
    return "1".equals(columnas) ? NARROW_WIDTH : WIDTH;
  }

  /**
   * The page's block for small multiples: the two-column image, and the one-column one that a
   * phone's browser picks instead (the panels reflow rather than shrink).
   */
  public static ChartBlock block(
      SmallMultiplesChart spec, String base, String query, java.util.Locale locale) {
    SmallMultiplesChart narrow = columns(spec, "1");
    String sep = query.isEmpty() ? "?" : "&";
    return ChartBlock.of(spec, base, query, locale, WIDTH, height(spec))
        .withNarrow(base + ".svg" + query + sep + "columnas=1", NARROW_WIDTH, height(narrow));
  }

  /** Tall enough for every row of panels to keep a readable plot. */
  public static int height(SmallMultiplesChart spec) {
    int rows = (spec.panels().size() + spec.columns() - 1) / spec.columns();
    return Math.min(4000, 100 + 200 * rows);
  }

  /** A panel's heading is one line: a long name is cut to fit it. */
  private static String shorten(String title, int chars) {
    return title.length() <= chars ? title : title.substring(0, chars - 1) + "…";
  }
}
