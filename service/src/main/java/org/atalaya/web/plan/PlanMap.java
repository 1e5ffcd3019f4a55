package org.atalaya.web.plan;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Publication;
import org.atalaya.web.Filters;
import org.atalaya.web.chart.IndicatorSpecs;

/**
 * The plan's map: its headline indicator by corregimiento — the first, in the plan's order, that
 * breaks down by corregimiento and has figures to colour — drawn as its indicator page draws it;
 * the corregimiento the page is filtered to, if any, outlined.
 */
@Singleton
class PlanMap {
  /** How many indicators to try before giving up on a map. */
  private static final int TRIES = 3;

  private final IndicatorSpecs specs;
  private final IndicatorService indicators;

  PlanMap(IndicatorSpecs specs, IndicatorService indicators) {
    this.specs = specs;
    this.indicators = indicators;
  }

  @Nullable
  ChoroplethMap spec(
      Publication.Level plan, String district, Filters f, Audience audience, Locale locale)
      throws SQLException {
    Filters whole = new Filters(f.asOf(), f.sex(), district);
    Set<String> codes = new LinkedHashSet<>();
    collect(plan, codes);
    int tried = 0;
    // The plan's indicators in one read, not one lookup each: most plans head with indicators that
    // have no map.
    for (IndicatorDoc doc : indicators.docs(codes)) {
      if (!doc.disaggregations().territory()) {
        continue;
      }
      ChartSpec spec = specs.spec(doc, IndicatorSpecs.Kind.MAP, whole, audience, locale);
      if (spec instanceof ChoroplethMap m) {
        return f.territory() == null
            ? m
            : new ChoroplethMap(
                m.meta(), m.areas(), m.classes(), m.illustrative(), f.territory(), m.note());
      }
      if (++tried >= TRIES) {
        break;
      }
    }
    return null;
  }

  private static void collect(Publication.Level level, Set<String> codes) {
    level.indicators().forEach(c -> codes.add(c.code()));
    level.children().forEach(child -> collect(child, codes));
  }
}
