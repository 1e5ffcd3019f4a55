package org.atalaya.hotspot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The persistence rule for hot spots (explained on /metodologia#focos): over the last {@code
 * window} periods with any published figure, a place is a hot spot when it stood in the worst fifth
 * in at least {@code needed} of them. A place is in a period's worst fifth when the places as bad
 * as it or worse (itself included) are no more than a fifth of those with a published figure that
 * period, rounded up: 4 of 18, 3 of 13, 2 of 6. Ties never stretch the fifth: places tied across
 * its edge are all out, so twelve corregimientos at 0 out of thirteen are no hot spot. Worse is
 * higher for an indicator that should go down, lower for one that should go up. A period with fewer
 * than five places published judges no one, and a place whose figure is withheld or missing is not
 * in that period's fifth: only published figures count, never a withheld cell.
 */
public record Persistence(int window, int needed) {
  /** The guide's "focalizar": the worst fifth in at least 3 of the last 4 periods. */
  public static final Persistence DEFAULT = new Persistence(4, 3);

  static final int FEWEST_PLACES = 5;

  public Persistence {
    if (window < 1 || needed < 1 || needed > window) {
      throw new IllegalArgumentException("needed must be between 1 and the window");
    }
  }

  /** A place that stays in the worst fifth, with the periods it was there, oldest first. */
  public record Spot(String place, List<LocalDate> periods) {
    public Spot {
      periods = List.copyOf(periods);
    }
  }

  /**
   * @param values each place's published figures by period start (withheld and missing cells
   *     absent)
   * @param higherIsWorse true for an indicator that should go down
   * @return the hot spots, in the order of {@code values}' places
   */
  public Result apply(Map<String, Map<LocalDate, Double>> values, boolean higherIsWorse) {
    TreeSet<LocalDate> all = new TreeSet<>();
    values.values().forEach(v -> all.addAll(v.keySet()));
    List<LocalDate> periods = new ArrayList<>(all.descendingSet());
    periods = new ArrayList<>(periods.subList(0, Math.min(window, periods.size())));
    java.util.Collections.reverse(periods);
    List<Spot> spots = new ArrayList<>();
    for (var place : values.entrySet()) {
      List<LocalDate> worst = new ArrayList<>();
      for (LocalDate p : periods) {
        Double mine = place.getValue().get(p);
        if (mine != null && inWorstFifth(mine, p, values, higherIsWorse)) {
          worst.add(p);
        }
      }
      if (worst.size() >= needed) {
        spots.add(new Spot(place.getKey(), worst));
      }
    }
    return new Result(periods, spots);
  }

  /** The periods judged (oldest first) and the hot spots found in them. */
  public record Result(List<LocalDate> periods, List<Spot> spots) {
    public Result {
      periods = List.copyOf(periods);
      spots = List.copyOf(spots);
    }
  }

  private static boolean inWorstFifth(
      double mine,
      LocalDate period,
      Map<String, Map<LocalDate, Double>> values,
      boolean higherIsWorse) {
    List<Double> others =
        values.values().stream().map(v -> v.get(period)).filter(v -> v != null).toList();
    if (others.size() < FEWEST_PLACES) {
      return false;
    }
    long asBadOrWorse = others.stream().filter(v -> higherIsWorse ? v >= mine : v <= mine).count();
    return asBadOrWorse <= (others.size() + 4) / 5;
  }
}
