package org.atalaya.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hot-spot rule against series worked out by hand: six places over five years, the last four
 * judged; with six places a period's worst fifth is the places fewer than 6/5 of the others beat
 * (none or one), so two places each year; ties never stretch the fifth.
 */
class PersistenceTest {
  static final LocalDate Y1 = LocalDate.of(2021, 1, 1);
  static final LocalDate Y2 = LocalDate.of(2022, 1, 1);
  static final LocalDate Y3 = LocalDate.of(2023, 1, 1);
  static final LocalDate Y4 = LocalDate.of(2024, 1, 1);
  static final LocalDate Y5 = LocalDate.of(2025, 1, 1);

  /** Each place's values year by year (null: withheld or missing). */
  static Map<String, Map<LocalDate, Double>> series(Object[]... rows) {
    Map<String, Map<LocalDate, Double>> out = new LinkedHashMap<>();
    for (Object[] row : rows) {
      Map<LocalDate, Double> years = new LinkedHashMap<>();
      LocalDate[] dates = {Y1, Y2, Y3, Y4, Y5};
      for (int i = 0; i < dates.length; i++) {
        if (row[i + 1] != null) {
          years.put(dates[i], ((Number) row[i + 1]).doubleValue());
        }
      }
      out.put((String) row[0], years);
    }
    return out;
  }

  static Map<String, Map<LocalDate, Double>> sixPlaces() {
    return series(
        new Object[] {"A", 1, 10, 10, 1, 10},
        new Object[] {"B", 2, 9, 1, 10, 9},
        new Object[] {"C", 10, 1, 9, 9, 1},
        new Object[] {"D", 9, 2, 2, 2, 2},
        new Object[] {"E", 3, 3, 3, 3, 3},
        new Object[] {"F", 4, 4, 4, 4, 4});
  }

  @Test
  void forAFigureThatShouldFallTheHighestInThreeOfTheLastFourYearsAreHotSpots() {
    var result = Persistence.DEFAULT.apply(sixPlaces(), true);

    // Worst two by year: 2022 A,B; 2023 A,C; 2024 B,C; 2025 A,B. 2021 (C, D) is out of the window.
    assertThat(result.periods()).containsExactly(Y2, Y3, Y4, Y5);
    assertThat(result.spots())
        .containsExactly(
            new Persistence.Spot("A", List.of(Y2, Y3, Y5)),
            new Persistence.Spot("B", List.of(Y2, Y4, Y5)));
  }

  @Test
  void forAFigureThatShouldRiseTheLowestAreTheWorst() {
    var result = Persistence.DEFAULT.apply(sixPlaces(), false);

    // Lowest two by year: 2022 C,D; 2023 B,D; 2024 A,D; 2025 C,D.
    assertThat(result.spots()).containsExactly(new Persistence.Spot("D", List.of(Y2, Y3, Y4, Y5)));
  }

  @Test
  void aWithheldFigureNeverCountsAndAYearWithFewerThanFivePlacesJudgesNoOne() {
    // A's 2023 figure withheld: A is then in the fifth only in 2022 and 2025. In 2024 only four
    // places published, so no one is judged that year and B keeps only 2022 and 2025.
    var values =
        series(
            new Object[] {"A", 1, 10, null, 1, 10},
            new Object[] {"B", 2, 9, 1, 10, 9},
            new Object[] {"C", 10, 1, 9, null, 1},
            new Object[] {"D", 9, 2, 2, null, 2},
            new Object[] {"E", 3, 3, 3, 3, 3},
            new Object[] {"F", 4, 4, 4, 4, 4});

    var result = Persistence.DEFAULT.apply(values, true);

    assertThat(result.spots()).isEmpty();
  }

  @Test
  void tiesNeverStretchTheFifth() {
    var values =
        series(
            new Object[] {"A", 5, 5, 5, 5, 5},
            new Object[] {"B", 5, 5, 5, 5, 5},
            new Object[] {"C", 5, 5, 5, 1, 5},
            new Object[] {"D", 1, 1, 1, 1, 1},
            new Object[] {"E", 1, 1, 1, 1, 1},
            new Object[] {"F", 1, 1, 1, 1, 1});

    var result = Persistence.DEFAULT.apply(values, true);

    // A fifth of six places is two: three tied at the top are all out (only in year 4, when C
    // drops, are A and B the worst two) — so nobody stays there three years of four.
    assertThat(result.spots()).isEmpty();
  }

  @Test
  void twelvePlacesAtZeroOfThirteenAreNoHotSpot() {
    Object[][] rows = new Object[13][];
    for (int i = 0; i < 13; i++) {
      int v = i == 0 ? 5 : 0;
      rows[i] = new Object[] {"P" + i, v, v, v, v, v};
    }

    var result = Persistence.DEFAULT.apply(series(rows), false);

    assertThat(result.spots()).as("lower is worse: the twelve zeros tie across the edge").isEmpty();
    assertThat(Persistence.DEFAULT.apply(series(rows), true).spots())
        .extracting(Persistence.Spot::place)
        .as("higher is worse: the one place at 5")
        .containsExactly("P0");
  }
}
