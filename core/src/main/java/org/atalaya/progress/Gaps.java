package org.atalaya.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.atalaya.indicator.IndicatorKind;

/**
 * Who is left behind (DESIGN: Progress, gaps): women against men, each territory against its
 * district, and how much of a district's count sits in its worst territories. A ratio whose
 * denominator is zero is null: "women: 3, men: 0" has a difference but no meaningful ratio.
 */
public final class Gaps {
  private Gaps() {}

  /** {@code difference} = female − male; {@code ratio} = female / male, null when male is 0. */
  public record SexGap(double female, double male, double difference, Double ratio) {}

  public record TerritoryValue(String territory, double value) {
    public TerritoryValue {
      Objects.requireNonNull(territory, "territory");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value must be a finite number: " + value);
      }
    }
  }

  /** {@code difference} = value − district; {@code ratio} = value / district, null when 0. */
  public record TerritoryGap(
      String territory, double value, double district, double difference, Double ratio) {}

  /**
   * @param worst the ceil(20% · territories) territories with the highest counts, highest first
   * @param share worstTotal / districtTotal, null when the district counted nothing
   */
  public record Concentration(
      int territories,
      List<TerritoryValue> worst,
      double worstTotal,
      double districtTotal,
      Double share) {
    public Concentration {
      worst = List.copyOf(worst);
    }
  }

  public static SexGap sex(double female, double male) {
    return new SexGap(female, male, female - male, male == 0 ? null : female / male);
  }

  public static List<TerritoryGap> againstDistrict(
      double district, List<TerritoryValue> territories) {
    List<TerritoryGap> gaps = new ArrayList<>(territories.size());
    for (TerritoryValue t : territories) {
      gaps.add(
          new TerritoryGap(
              t.territory(),
              t.value(),
              district,
              t.value() - district,
              district == 0 ? null : t.value() / district));
    }
    return List.copyOf(gaps);
  }

  /**
   * The share of the district's events held by its worst fifth of territories. Only counts have
   * shares: a rate's parts do not add up to the district's rate. The district total is taken as
   * given rather than summed, because events with no known territory belong to the district and to
   * none of its parts. Equal values are ordered by territory code, so the cut is reproducible.
   */
  public static Concentration concentration(
      IndicatorKind kind, double districtTotal, List<TerritoryValue> territories) {
    if (!kind.extensive()) {
      throw new IllegalArgumentException("concentration is defined for counts, not " + kind);
    }
    if (territories.isEmpty()) {
      throw new IllegalArgumentException("concentration needs at least one territory");
    }
    if (districtTotal < 0 || territories.stream().anyMatch(t -> t.value() < 0)) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    int n = territories.size();
    int take = (int) Math.ceil(0.2 * n);
    List<TerritoryValue> worst =
        territories.stream()
            .sorted(
                Comparator.comparingDouble(TerritoryValue::value)
                    .reversed()
                    .thenComparing(TerritoryValue::territory))
            .limit(take)
            .toList();
    double worstTotal = worst.stream().mapToDouble(TerritoryValue::value).sum();
    Double share = districtTotal == 0 ? null : worstTotal / districtTotal;
    return new Concentration(n, worst, worstTotal, districtTotal, share);
  }
}
