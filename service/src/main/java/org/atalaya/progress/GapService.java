package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * The gaps of one indicator as of a date: women against men, each corregimiento against the
 * district, and — for counts — the share of events in the worst fifth of corregimientos. Each
 * figure compares the cells' latest values, read by the indicator's accumulation rule.
 */
@Singleton
class GapService {
  private final ProgressService progress;
  private final IndicatorService indicators;
  private final TerritoryService territories;

  GapService(ProgressService progress, IndicatorService indicators, TerritoryService territories) {
    this.progress = progress;
    this.indicators = indicators;
    this.territories = territories;
  }

  @Serdeable
  record GapsView(
      String indicator,
      LocalDate asOf,
      String territory,
      @Nullable Gaps.SexGap sex,
      List<Gaps.TerritoryGap> territories,
      @Nullable Gaps.Concentration concentration) {}

  GapsView gaps(String code, LocalDate asOf, Sex sex, @Nullable String territoryCode)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    var total = progress.indicator(code, asOf, sex, territoryCode, ProgressService.Reading.API);
    String place = total.territory();
    Gaps.SexGap sexGap = null;
    if (indicator.bySex()) {
      Double women = latest(code, asOf, Sex.F, place);
      Double men = latest(code, asOf, Sex.M, place);
      if (women != null && men != null) {
        sexGap = Gaps.sex(women, men);
      }
    }
    List<Gaps.TerritoryGap> places = List.of();
    Gaps.Concentration concentration = null;
    Double district = value(total.progress());
    if (indicator.byTerritory() && district != null) {
      Territory parent = territories.require(place);
      List<Gaps.TerritoryValue> values = new ArrayList<>();
      for (Territory child : territories.all()) {
        if (parent.id().equals(child.parentId())) {
          Double v = latest(code, asOf, sex, child.code());
          if (v != null) {
            values.add(new Gaps.TerritoryValue(child.code(), v));
          }
        }
      }
      places = Gaps.againstDistrict(district, values);
      if (indicator.kind().extensive() && !values.isEmpty()) {
        concentration = Gaps.concentration(indicator.kind(), district, values);
      }
    }
    return new GapsView(code, asOf, place, sexGap, places, concentration);
  }

  private Double latest(String code, LocalDate asOf, Sex sex, String place) throws SQLException {
    return value(
        progress.indicator(code, asOf, sex, place, ProgressService.Reading.API).progress());
  }

  private static Double value(CellProgress p) {
    return p.latest() == null ? null : p.latest().value();
  }
}
