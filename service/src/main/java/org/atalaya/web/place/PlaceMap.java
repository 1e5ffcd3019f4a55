package org.atalaya.web.place;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.publication.Audience;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;
import org.atalaya.web.chart.IndicatorSpecs;

/**
 * A place's map: the first of its indicators that breaks down by corregimiento, drawn for its
 * district as the indicator page draws it (same figures, from the publication layer), with the
 * place outlined — or, for a barrio, the corregimiento it lies in.
 */
@Singleton
class PlaceMap {
  /** How many of the place's indicators to try before giving up on a map. */
  private static final int TRIES = 3;

  private final IndicatorSpecs specs;
  private final IndicatorService indicators;
  private final BoundaryService boundaries;
  private final TerritoryService territories;

  PlaceMap(
      IndicatorSpecs specs,
      IndicatorService indicators,
      BoundaryService boundaries,
      TerritoryService territories) {
    this.specs = specs;
    this.indicators = indicators;
    this.boundaries = boundaries;
    this.territories = territories;
  }

  /** The map, or null when the place has no outlined unit or no indicator by corregimiento. */
  @Nullable
  ChoroplethMap spec(
      Territory place, List<String> codes, Filters f, Audience audience, Locale locale)
      throws SQLException {
    Territory unit = place;
    Territory parent = parent(unit);
    while (parent != null && !outlines(parent, unit)) {
      unit = parent;
      parent = parent(unit);
    }
    if (parent == null) {
      return null;
    }
    Filters district = new Filters(f.asOf(), f.sex(), parent.code());
    int tried = 0;
    for (String code : codes) {
      IndicatorDoc doc = indicators.get(code);
      if (!doc.disaggregations().territory()) {
        continue;
      }
      ChartSpec spec = specs.spec(doc, IndicatorSpecs.Kind.MAP, district, audience, locale);
      if (spec instanceof ChoroplethMap m) {
        return new ChoroplethMap(
            m.meta(), m.areas(), m.classes(), m.illustrative(), unit.code(), m.note());
      }
      if (++tried >= TRIES) {
        break;
      }
    }
    return null;
  }

  /** The name of the unit a map outlines for this place: itself or the corregimiento above. */
  String outlined(ChoroplethMap map) {
    return map.areas().stream()
        .filter(a -> a.code().equals(map.highlight()))
        .map(ChoroplethMap.Area::name)
        .findFirst()
        .orElse("");
  }

  private boolean outlines(Territory parent, Territory unit) {
    return boundaries.childrenOf(parent.code()).stream()
        .anyMatch(s -> s.code().equals(unit.code()));
  }

  private @Nullable Territory parent(Territory t) {
    return t.parentId() == null ? null : territories.byId(t.parentId()).orElse(null);
  }
}
