package org.atalaya.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which backups to keep: the newest of each of the last {@code daily} days, {@code weekly} ISO
 * weeks and {@code monthly} months that have one (UTC), as the classic grandfather-father-son
 * rotation does. The newest backup is always kept.
 */
record Retention(int daily, int weekly, int monthly) {
  static final Retention DEFAULT = new Retention(7, 4, 12);

  Retention {
    if (daily < 1 || weekly < 0 || monthly < 0) {
      throw new IllegalArgumentException("keep at least one daily backup");
    }
  }

  Set<Instant> keep(List<Instant> taken) {
    List<Instant> newestFirst = taken.stream().sorted(Comparator.reverseOrder()).toList();
    Set<Instant> kept = new HashSet<>();
    kept.addAll(newestPer(newestFirst, daily, d -> d.toString()));
    kept.addAll(
        newestPer(
            newestFirst,
            weekly,
            d ->
                d.get(IsoFields.WEEK_BASED_YEAR)
                    + "-W"
                    + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    kept.addAll(newestPer(newestFirst, monthly, d -> d.getYear() + "-" + d.getMonthValue()));
    return kept;
  }

  private static Set<Instant> newestPer(
      List<Instant> newestFirst, int count, Function<LocalDate, String> bucket) {
    Set<String> seen = new HashSet<>();
    Set<Instant> kept = new HashSet<>();
    for (Instant at : newestFirst) {
      if (seen.size() == count) {
        break;
      }
      if (seen.add(bucket.apply(at.atZone(ZoneOffset.UTC).toLocalDate()))) {
        kept.add(at);
      }
    }
    return kept;
  }
}
