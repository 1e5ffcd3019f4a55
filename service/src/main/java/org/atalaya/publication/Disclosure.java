package org.atalaya.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atalaya.measurement.CellGrid;

/**
 * Statistical disclosure control for counts below the district total (DESIGN: Publication). A count
 * from 1 to {@code threshold − 1} could point at a person, so it is withheld; zero is shown,
 * because it reveals no one. When a breakdown of a shown total has exactly one withheld part, the
 * next smallest part is withheld too, or the first could be recovered by subtraction; this runs
 * until no breakdown — sex within the district, corregimientos within the district, sex within a
 * corregimiento, corregimientos within one sex — gives a withheld cell away.
 */
final class Disclosure {
  private static final List<String> SEXES = List.of("F", "M", "_U");

  record Key(LocalDate period, String sex, String territory) {}

  private record Breakdown(Key total, List<Key> parts) {}

  private Disclosure() {}

  static boolean small(double value, int threshold) {
    return value > 0 && value < threshold;
  }

  /** The cells withheld among the grid's (only validated ones unless {@code provisional}). */
  static Set<Key> withheld(CellGrid.Grid grid, boolean provisional, int threshold) {
    Map<Key, Double> values = new HashMap<>();
    Set<LocalDate> periods = new TreeSet<>();
    for (CellGrid.Stored c : grid.cells()) {
      if (provisional || c.validated()) {
        values.put(new Key(c.period(), c.sex(), c.territory()), c.value());
        periods.add(c.period());
      }
    }
    String district = grid.district();
    List<Breakdown> breakdowns = new ArrayList<>();
    for (LocalDate p : periods) {
      for (String place : grid.places()) {
        fill(values, new Key(p, "_T", place), SEXES.stream().map(s -> new Key(p, s, place)));
      }
      for (String sex : SEXES) {
        fill(
            values, new Key(p, sex, district), grid.places().stream().map(c -> new Key(p, sex, c)));
      }
      fill(values, new Key(p, "_T", district), SEXES.stream().map(s -> new Key(p, s, district)));
      breakdowns.add(
          new Breakdown(
              new Key(p, "_T", district),
              SEXES.stream().map(s -> new Key(p, s, district)).toList()));
      breakdowns.add(
          new Breakdown(
              new Key(p, "_T", district),
              grid.places().stream().map(c -> new Key(p, "_T", c)).toList()));
      for (String place : grid.places()) {
        breakdowns.add(
            new Breakdown(
                new Key(p, "_T", place), SEXES.stream().map(s -> new Key(p, s, place)).toList()));
      }
      for (String sex : SEXES) {
        breakdowns.add(
            new Breakdown(
                new Key(p, sex, district),
                grid.places().stream().map(c -> new Key(p, sex, c)).toList()));
      }
    }
    Set<Key> out = new HashSet<>();
    values.forEach(
        (k, v) -> {
          boolean total = k.sex().equals("_T") && k.territory().equals(district);
          if (!total && small(v, threshold)) {
            out.add(k);
          }
        });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Breakdown b : breakdowns) {
        if (!values.containsKey(b.total()) || out.contains(b.total())) {
          continue;
        }
        List<Key> parts = b.parts().stream().filter(values::containsKey).toList();
        if (parts.stream().filter(out::contains).count() != 1) {
          continue;
        }
        Comparator<Key> smallest =
            Comparator.<Key, Boolean>comparing(k -> values.get(k) == 0).thenComparing(values::get);
        var next = parts.stream().filter(k -> !out.contains(k)).min(smallest);
        if (next.isPresent()) {
          out.add(next.get());
          changed = true;
        }
      }
    }
    return out;
  }

  /** A total that was not stored is the sum of its parts, when it has any. */
  private static void fill(Map<Key, Double> values, Key total, java.util.stream.Stream<Key> parts) {
    if (values.containsKey(total)) {
      return;
    }
    List<Double> found = parts.map(values::get).filter(java.util.Objects::nonNull).toList();
    if (!found.isEmpty()) {
      values.put(total, found.stream().mapToDouble(Double::doubleValue).sum());
    }
  }
}
