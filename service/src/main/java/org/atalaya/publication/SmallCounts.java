package org.atalaya.publication;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.CellGrid;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.shared.DataVersion;
import org.atalaya.shared.PerVersion;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;

/**
 * The rule for counts: below the district total, a count smaller than the threshold — a count
 * indicator's value, or a rate's events — could point at a person, so it is withheld together with
 * the complements that would give it away ({@link Disclosure}). The withheld cells of an
 * indicator's grid are kept until the data changes.
 */
@Singleton
class SmallCounts {
  private final MeasurementQueries measurements;
  private final TerritoryService territories;
  private final int threshold;
  private final PerVersion<GridKey, Set<Disclosure.Key>> withheld;

  private record GridKey(String code, LocalDate asOf, boolean provisional) {}

  SmallCounts(
      MeasurementQueries measurements,
      TerritoryService territories,
      DataVersion versions,
      @Value("${atalaya.report.small-count-threshold:5}") int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("the small-count threshold must be at least 1");
    }
    this.measurements = measurements;
    this.territories = territories;
    this.withheld = new PerVersion<>(versions, 5_000);
    this.threshold = threshold;
  }

  int threshold() {
    return threshold;
  }

  /** The withheld parts of a total whose parts are counts; the total itself is always shown. */
  Set<String> withheldParts(Map<String, Long> parts) {
    String total = "\u0000total";
    List<CellGrid.Stored> cells = new ArrayList<>();
    parts.forEach(
        (part, count) -> cells.add(new CellGrid.Stored(LocalDate.EPOCH, "_T", part, count, true)));
    var grid = new CellGrid.Grid(total, List.copyOf(parts.keySet()), cells);
    Set<String> out = new TreeSet<>();
    for (Disclosure.Key k : Disclosure.withheld(grid, true, threshold)) {
      if (!k.territory().equals(total)) {
        out.add(k.territory());
      }
    }
    return out;
  }

  /**
   * Small counts are a risk below the district total only, for counts and for rates, whose events
   * (numerator) are a count that the rate beside its population gives back.
   */
  boolean guarded(IndicatorKind kind, Sex sex, String territory) {
    return guarded(kind, sex, isDistrict(territory));
  }

  /** The same rule for a place whose level is already known. */
  boolean guarded(IndicatorKind kind, Sex sex, boolean district) {
    return counted(kind) && (sex != Sex._T || !district);
  }

  /** The kinds whose cells carry a count of people: a count's value, a rate's events. */
  static boolean counted(IndicatorKind kind) {
    return kind == IndicatorKind.COUNT || kind == IndicatorKind.RATE;
  }

  private boolean isDistrict(String territory) {
    return territories
        .find(territory)
        .map(Territory::level)
        .map(l -> l == TerritoryLevel.DISTRICT)
        .orElse(true);
  }

  /**
   * The cells of the indicator's grid withheld at the cut-off, complements included; for a rate,
   * judged on its events (a rate stored without them has nothing to judge).
   */
  Set<Disclosure.Key> withheld(String code, LocalDate asOf, boolean provisional)
      throws SQLException {
    return withheld.get(
        new GridKey(code, asOf, provisional),
        () ->
            Set.copyOf(Disclosure.withheld(measurements.grid(code, asOf), provisional, threshold)));
  }
}
