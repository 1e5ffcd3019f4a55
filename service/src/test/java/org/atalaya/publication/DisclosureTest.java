package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atalaya.measurement.CellGrid;
import org.junit.jupiter.api.Test;

/**
 * The small-count rule on hand-made breakdowns whose answers can be worked out on paper: a count of
 * 1 to 4 is withheld, zero is not, the district total never is, and one withheld part of a shown
 * total takes the next smallest with it — across sex and corregimiento breakdowns alike.
 */
class DisclosureTest {
  static final LocalDate JAN = LocalDate.of(2025, 1, 1);
  static final int THRESHOLD = 5;

  private static CellGrid.Stored cell(String sex, String place, double value) {
    return new CellGrid.Stored(JAN, sex, place, value, true);
  }

  private static Disclosure.Key key(String sex, String place) {
    return new Disclosure.Key(JAN, sex, place);
  }

  private static Set<Disclosure.Key> withheld(List<String> places, CellGrid.Stored... cells) {
    return Disclosure.withheld(new CellGrid.Grid("D", places, List.of(cells)), true, THRESHOLD);
  }

  @Test
  void aSmallCountIsWithheldButAZeroAndTheDistrictTotalAreNot() {
    var out =
        withheld(
            List.of("A", "B", "C"),
            cell("_T", "D", 10),
            cell("_T", "A", 3),
            cell("_T", "B", 0),
            cell("_T", "C", 7));

    // A is small; C goes with it (a zero is no cover: 10 − 0 − C would still give A away).
    assertThat(out)
        .containsExactlyInAnyOrder(key("_T", "A"), key("_T", "C"))
        .doesNotContain(key("_T", "B"), key("_T", "D"));
  }

  @Test
  void aLoneWithheldPartTakesTheNextSmallestPositivePartWithIt() {
    // 20 = 3 + 7 + 10: withholding only the 3 would leave it as 20 − 7 − 10.
    var out =
        withheld(
            List.of("A", "B", "C"),
            cell("_T", "D", 20),
            cell("_T", "A", 3),
            cell("_T", "B", 7),
            cell("_T", "C", 10));

    assertThat(out).containsExactlyInAnyOrder(key("_T", "A"), key("_T", "B"));
  }

  @Test
  void womenAreWithheldWhenMenAreAFewAndTheTotalIsShown() {
    var out = withheld(List.of(), cell("_T", "D", 14), cell("F", "D", 12), cell("M", "D", 2));

    assertThat(out).containsExactlyInAnyOrder(key("F", "D"), key("M", "D"));
  }

  @Test
  void aComplementChosenInOneBreakdownIsProtectedInTheOthersToo() {
    // Corregimiento A: women 2 (small), men 9 → men withheld as complement within A. Men by
    // corregimiento (A 9, B 8) then has one withheld part under a shown total (17): B's men go too.
    List<CellGrid.Stored> cells = new ArrayList<>();
    cells.add(cell("_T", "D", 30));
    cells.add(cell("F", "A", 2));
    cells.add(cell("M", "A", 9));
    cells.add(cell("F", "B", 11));
    cells.add(cell("M", "B", 8));
    var out =
        Disclosure.withheld(new CellGrid.Grid("D", List.of("A", "B"), cells), true, THRESHOLD);

    assertThat(out).contains(key("F", "A"), key("M", "A"), key("M", "B"));
    // And then women by corregimiento has one withheld (A) beside B: B's women go as well, so no
    // cell can be had by subtraction from any shown total.
    assertThat(out).contains(key("F", "B"));
  }

  @Test
  void figuresNotYetValidatedDoNotCountForThePublic() {
    var grid =
        new CellGrid.Grid(
            "D",
            List.of("A"),
            List.of(
                new CellGrid.Stored(JAN, "_T", "A", 2, false),
                new CellGrid.Stored(JAN, "_T", "D", 2, true)));

    assertThat(Disclosure.withheld(grid, false, THRESHOLD)).isEmpty();
    assertThat(Disclosure.withheld(grid, true, THRESHOLD)).contains(key("_T", "A"));
  }
}
