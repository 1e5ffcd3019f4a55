package org.atalaya.web.territory;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.NumberStyle;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Problem;
import org.atalaya.territory.BoundaryMatch;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.BoundaryShape;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.chart.ChartBlock;

/** The boundary page's model and the outline map an import leaves behind. */
@Singleton
class BoundaryViews {
  private final BoundaryService boundaries;
  private final TerritoryService territories;

  BoundaryViews(BoundaryService boundaries, TerritoryService territories) {
    this.boundaries = boundaries;
    this.territories = territories;
  }

  /**
   * The page: a file's report (checked or stored), the upload to confirm, problems that stopped it,
   * and once stored the map of the outlines.
   */
  record Upload(
      @Nullable BoundaryMatch report,
      @Nullable Long upload,
      boolean stored,
      List<Problem.Violation> problems,
      @Nullable ChartBlock preview) {
    static Upload empty() {
      return new Upload(null, null, false, List.of(), null);
    }

    static Upload refused(List<Problem.Violation> problems) {
      return new Upload(null, null, false, problems, null);
    }

    static Upload checked(BoundaryService.Checked checked) {
      return new Upload(checked.report(), checked.upload(), false, List.of(), null);
    }

    static Upload stored(BoundaryMatch report, @Nullable ChartBlock preview) {
      return new Upload(report, null, report.importable(), List.of(), preview);
    }
  }

  /** The district whose corregimientos a stored file outlined (its first match's parent). */
  @Nullable
  String district(BoundaryMatch report) {
    if (report.matched().isEmpty()) {
      return null;
    }
    Territory first = territories.require(report.matched().get(0).territory());
    return first.parentId() == null
        ? null
        : territories.byId(first.parentId()).map(Territory::code).orElse(null);
  }

  /** The district's stored outlines as a map without figures, or null when none has one. */
  @Nullable
  ChoroplethMap preview(String district, Locale locale) {
    List<BoundaryShape> shapes = boundaries.childrenOf(district);
    if (shapes.isEmpty()) {
      return null;
    }
    String name = territories.require(district).name();
    String source = shapes.get(0).source();
    return new ChoroplethMap(
        new ChartMeta(
            Messages.format(locale, "web.boundary.mapTitle", name),
            Messages.format(locale, "web.boundary.mapUnit"),
            source,
            LocalDate.now(Dates.ZONE),
            NumberStyle.INTEGER),
        shapes.stream().map(s -> ChoroplethMap.Area.noData(s.code(), s.name(), s.rings())).toList(),
        5,
        shapes.stream().anyMatch(BoundaryShape::illustrative),
        null,
        Messages.format(locale, "web.boundary.mapNote", shapes.size()));
  }
}
