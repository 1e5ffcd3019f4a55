package org.atalaya.publication;

import java.util.ArrayList;
import java.util.List;

/**
 * Marshall's global empirical-Bayes estimator of small-area rates (R. J. Marshall, "Mapping disease
 * and mortality rates using empirical Bayes estimators", Applied Statistics 40 (1991) 283–294):
 * each crude rate r = x/n is shrunk towards the pooled rate m = Σx/Σn by C = A/(A + m/n), where s²
 * = Σn(r − m)²/Σn is the population-weighted variance of the crude rates and A = s² − m/n̄ (n̄ the
 * mean population; A = 0 when negative: every area is then given the pooled rate). Places with few
 * people move most; a large one keeps nearly its own rate. The same computation as {@code EBest} of
 * R's spdep package.
 */
public final class Marshall {
  private Marshall() {}

  /** One area's events and population. */
  public record Area(long events, double population) {
    public Area {
      if (events < 0 || !(population > 0)) {
        throw new IllegalArgumentException(
            "an area needs events ≥ 0 and a population > 0: " + events + ", " + population);
      }
    }
  }

  /**
   * The smoothed rates (per person, in the areas' order), the pooled rate m and the between-area
   * variance A; {@link #pooledOnly()} when A = 0: the rates vary no more than chance would make
   * them, and every area gets m.
   */
  public record Estimate(List<Double> rates, double pooled, double between) {
    public boolean pooledOnly() {
      return between == 0;
    }
  }

  /** The smoothed rates (per person, in the areas' order); none for no areas. */
  public static List<Double> smooth(List<Area> areas) {
    return estimate(areas).rates();
  }

  /** The whole estimate; for no areas, no rates and a between-area variance of zero. */
  public static Estimate estimate(List<Area> areas) {
    if (areas.isEmpty()) {
      return new Estimate(List.of(), 0, 0);
    }
    double events = 0;
    double people = 0;
    for (Area a : areas) {
      events += a.events();
      people += a.population();
    }
    double m = events / people;
    double spread = 0;
    for (Area a : areas) {
      double r = a.events() / a.population();
      spread += a.population() * (r - m) * (r - m);
    }
    double s2 = spread / people;
    double prior = Math.max(0, s2 - m / (people / areas.size()));
    List<Double> smoothed = new ArrayList<>();
    for (Area a : areas) {
      double r = a.events() / a.population();
      double shrink = prior == 0 ? 0 : prior / (prior + m / a.population());
      smoothed.add(m + shrink * (r - m));
    }
    return new Estimate(List.copyOf(smoothed), m, prior);
  }
}
