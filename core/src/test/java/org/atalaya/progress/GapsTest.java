package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.progress.Gaps.TerritoryValue;
import org.junit.jupiter.api.Test;

class GapsTest {
  static TerritoryValue tv(String code, double value) {
    return new TerritoryValue(code, value);
  }

  @Test
  void womenAgainstMen() {
    // 12 women, 8 men: difference 12 − 8 = 4, ratio 12 / 8 = 1.5
    Gaps.SexGap gap = Gaps.sex(12, 8);

    assertThat(gap.difference()).isEqualTo(4.0);
    assertThat(gap.ratio()).isEqualTo(1.5);
  }

  @Test
  void noMenMeansADifferenceButNoRatio() {
    // 3 women, 0 men: difference 3, ratio 3/0 undefined → null rather than ∞
    Gaps.SexGap gap = Gaps.sex(3, 0);

    assertThat(gap.difference()).isEqualTo(3.0);
    assertThat(gap.ratio()).isNull();
  }

  @Test
  void eachTerritoryAgainstTheDistrict() {
    // district rate 20; A: 30 − 20 = 10, 30/20 = 1.5; B: 10 − 20 = −10, 10/20 = 0.5
    List<Gaps.TerritoryGap> gaps = Gaps.againstDistrict(20, List.of(tv("A", 30), tv("B", 10)));

    assertThat(gaps).extracting(Gaps.TerritoryGap::territory).containsExactly("A", "B");
    assertThat(gaps).extracting(Gaps.TerritoryGap::difference).containsExactly(10.0, -10.0);
    assertThat(gaps).extracting(Gaps.TerritoryGap::ratio).containsExactly(1.5, 0.5);
    assertThat(Gaps.againstDistrict(0, List.of(tv("A", 2))).get(0).ratio()).isNull();
  }

  @Test
  void concentrationIsTheShareHeldByTheWorstFifth() {
    // 7 barrios: A 40, B 5, C 25, D 10, E 0, F 12, G 8 (sum 100); the district recorded 104,
    // 4 of them with no known barrio. Worst fifth: ceil(0.2·7) = ceil(1.4) = 2 barrios, A and C,
    // holding 40 + 25 = 65 of 104 = 0.625.
    var barrios =
        List.of(
            tv("A", 40), tv("B", 5), tv("C", 25), tv("D", 10), tv("E", 0), tv("F", 12), tv("G", 8));

    Gaps.Concentration c = Gaps.concentration(IndicatorKind.COUNT, 104, barrios);

    assertThat(c.territories()).isEqualTo(7);
    assertThat(c.worst()).containsExactly(tv("A", 40), tv("C", 25));
    assertThat(c.worstTotal()).isEqualTo(65.0);
    assertThat(c.share()).isCloseTo(0.625, within(1e-12));
  }

  @Test
  void concentrationBreaksTiesByCodeAndHasNoShareOfNothing() {
    // 5 barrios → ceil(1.0) = 1; X and Y tie at 10, X comes first by code
    var barrios = List.of(tv("Y", 10), tv("X", 10), tv("Z", 1), tv("W", 0), tv("V", 0));

    assertThat(Gaps.concentration(IndicatorKind.COUNT, 21, barrios).worst())
        .containsExactly(tv("X", 10));
    assertThat(Gaps.concentration(IndicatorKind.COUNT, 0, List.of(tv("X", 0))).share()).isNull();
  }

  @Test
  void concentrationIsRefusedForRates() {
    assertThatThrownBy(
            () -> Gaps.concentration(IndicatorKind.RATE, 100, List.of(tv("A", 40), tv("B", 60))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
