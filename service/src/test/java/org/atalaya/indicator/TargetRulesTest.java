package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which target a cell answers to (DESIGN: disaggregation and totals). */
class TargetRulesTest {
  static final long DISTRICT = 1;
  static final long CORREGIMIENTO = 2;

  record T(String name, Sex sex, long territory) {}

  static Optional<TargetRules.Applicable<T>> find(
      IndicatorKind kind, List<T> targets, Sex sex, long place) {
    return TargetRules.applicable(
        kind, targets, T::sex, T::territory, sex, place, id -> id == DISTRICT);
  }

  @Test
  void aTargetForTheCellItselfAlwaysApplies() {
    var own = new T("women here", Sex.F, CORREGIMIENTO);
    var total = new T("total", Sex._T, DISTRICT);

    var found = find(IndicatorKind.COUNT, List.of(total, own), Sex.F, CORREGIMIENTO);

    assertThat(found)
        .get()
        .satisfies(
            a -> {
              assertThat(a.target()).isEqualTo(own);
              assertThat(a.inherited()).isFalse();
            });
  }

  @Test
  void aRateTargetSetOnlyForTheTotalAppliesToEveryCell() {
    var total = new T("total", Sex._T, DISTRICT);

    var found = find(IndicatorKind.RATE, List.of(total), Sex.M, CORREGIMIENTO);

    assertThat(found)
        .get()
        .satisfies(
            a -> {
              assertThat(a.target()).isEqualTo(total);
              assertThat(a.inherited()).isTrue();
            });
  }

  @Test
  void anIntensiveCellPrefersItsOwnSexAtDistrictLevelOverTheOverallTotal() {
    var total = new T("total", Sex._T, DISTRICT);
    var women = new T("women", Sex.F, DISTRICT);

    assertThat(find(IndicatorKind.PROPORTION, List.of(total, women), Sex.F, CORREGIMIENTO))
        .get()
        .extracting(a -> a.target().name())
        .isEqualTo("women");
  }

  @Test
  void aCountTargetForTheTotalDoesNotSplitDown() {
    var total = new T("total", Sex._T, DISTRICT);

    assertThat(find(IndicatorKind.COUNT, List.of(total), Sex.F, CORREGIMIENTO)).isEmpty();
    assertThat(find(IndicatorKind.COUNT, List.of(total), Sex._T, DISTRICT)).isPresent();
  }
}
