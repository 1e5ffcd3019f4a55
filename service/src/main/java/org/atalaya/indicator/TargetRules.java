package org.atalaya.indicator;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which target applies to a cell (DESIGN: disaggregation and totals). A target set for the cell
 * applies to it. A target set only for the total of an intensive indicator (a rate, a proportion)
 * applies to every sex and territory; an extensive one (a count) does not split down.
 */
public final class TargetRules {
  private TargetRules() {}

  public record Applicable<T>(T target, boolean inherited) {}

  /**
   * @param isTotalTerritory whether a target's territory is the top of the hierarchy (a district)
   */
  public static <T> Optional<Applicable<T>> applicable(
      IndicatorKind kind,
      List<T> targets,
      java.util.function.Function<T, Sex> sexOf,
      java.util.function.Function<T, Long> territoryOf,
      Sex sex,
      long territoryId,
      Predicate<Long> isTotalTerritory) {
    record Key(Sex sex, boolean anyTotalTerritory, long territory) {}
    List<Key> order =
        kind.extensive()
            ? List.of(new Key(sex, false, territoryId))
            : List.of(
                new Key(sex, false, territoryId),
                new Key(Sex._T, false, territoryId),
                new Key(sex, true, 0),
                new Key(Sex._T, true, 0));
    for (int i = 0; i < order.size(); i++) {
      Key k = order.get(i);
      for (T t : targets) {
        long territory = territoryOf.apply(t);
        boolean place =
            k.anyTotalTerritory() ? isTotalTerritory.test(territory) : territory == k.territory();
        if (sexOf.apply(t) == k.sex() && place) {
          return Optional.of(new Applicable<>(t, i > 0));
        }
      }
    }
    return Optional.empty();
  }
}
