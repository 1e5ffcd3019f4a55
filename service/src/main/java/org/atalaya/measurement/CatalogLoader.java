package org.atalaya.measurement;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorRepository;
import org.atalaya.indicator.IndicatorSource;
import org.atalaya.indicator.IndicatorSourceRepository;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;

/** Reads, once per upload, what every row is checked against. */
@Singleton
class CatalogLoader {
  private final IndicatorRepository indicators;
  private final IndicatorSourceRepository sources;
  private final TerritoryService territories;

  CatalogLoader(
      IndicatorRepository indicators,
      IndicatorSourceRepository sources,
      TerritoryService territories) {
    this.indicators = indicators;
    this.sources = sources;
    this.territories = territories;
  }

  Catalog load() {
    Map<Long, Long> planDistricts = new HashMap<>();
    indicators.planDistricts().forEach(d -> planDistricts.put(d.indicatorId(), d.districtId()));
    Map<String, Catalog.IndicatorInfo> byCode = new HashMap<>();
    for (Indicator i : indicators.findAll()) {
      Map<String, Long> sourceIds = new HashMap<>();
      long official = -1;
      for (IndicatorSource s : sources.findByIndicatorIdOrderById(i.id())) {
        sourceIds.put(s.code(), s.id());
        if (s.official()) {
          official = s.id();
        }
      }
      byCode.put(
          i.code(),
          new Catalog.IndicatorInfo(
              i.id(),
              i.code(),
              i.kind(),
              i.frequency(),
              i.bySex(),
              i.byTerritory(),
              i.byAgeGroup(),
              Map.copyOf(sourceIds),
              official,
              Optional.ofNullable(planDistricts.get(i.id()))));
    }
    Map<String, Long> territoryIds = new HashMap<>();
    List<Territory> all = territories.all();
    all.forEach(t -> territoryIds.put(t.code(), t.id()));
    List<Territory> districts =
        all.stream().filter(t -> t.level() == TerritoryLevel.DISTRICT).toList();
    Optional<Long> district =
        districts.size() == 1 ? Optional.of(districts.get(0).id()) : Optional.empty();
    return new Catalog(Map.copyOf(byCode), Map.copyOf(territoryIds), district);
  }
}
