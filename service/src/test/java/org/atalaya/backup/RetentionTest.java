package org.atalaya.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seven daily, four weekly and twelve monthly backups, out of a year and a half of daily ones. */
class RetentionTest {
  private static final Instant LAST = Instant.parse("2026-12-06T02:30:00Z");

  @Test
  void aYearAndAHalfOfDailyBackupsKeepsSevenDaysFourWeeksAndTwelveMonths() {
    List<Instant> taken = new ArrayList<>();
    for (int day = 0; day < 540; day++) {
      taken.add(LAST.minus(Duration.ofDays(day)));
    }

    Set<Instant> kept = Retention.DEFAULT.keep(taken);

    // 6 Dec 2026 is a Sunday: the days are 30 Nov to 6 Dec; the weeks end on 6, 29, 22 and 15
    // Nov/Dec; the months on the last day of each month from January to December.
    assertThat(kept)
        .hasSize(7 + 3 + 10)
        .contains(at("2026-11-30"), at("2026-11-29"), at("2026-11-15"))
        .contains(at("2026-10-31"), at("2026-02-28"), at("2026-01-31"))
        .doesNotContain(at("2026-11-28"), at("2026-11-08"), at("2025-12-31"));
  }

  @Test
  void aFewBackupsAreAllKept() {
    List<Instant> taken =
        List.of(LAST, LAST.minus(Duration.ofDays(1)), LAST.minus(Duration.ofDays(40)));

    assertThat(Retention.DEFAULT.keep(taken)).containsExactlyInAnyOrderElementsOf(taken);
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T02:30:00Z");
  }
}
