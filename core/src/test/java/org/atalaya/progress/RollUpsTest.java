package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.progress.ProgressStatus.ACHIEVED;
import static org.atalaya.progress.ProgressStatus.AT_RISK;
import static org.atalaya.progress.ProgressStatus.NO_DATA;
import static org.atalaya.progress.ProgressStatus.NO_TARGET;
import static org.atalaya.progress.ProgressStatus.OFF_TRACK;
import static org.atalaya.progress.ProgressStatus.ON_TRACK;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollUpsTest {
  static CellProgress cell(ProgressStatus status, Double achievement) {
    return new CellProgress(
        LocalDate.parse("2025-06-30"),
        status,
        null,
        null,
        null,
        null,
        achievement,
        null,
        Forecast.none(Forecast.Outcome.TOO_FEW_POINTS));
  }

  // Card 1: ON_TRACK 0.5, ACHIEVED 1.3 (clamped to 1), OFF_TRACK −0.2 (clamped to 0), NO_DATA
  static final RollUp CARD_1 =
      RollUps.card(
          List.of(
              cell(ON_TRACK, 0.5),
              cell(ACHIEVED, 1.3),
              cell(OFF_TRACK, -0.2),
              cell(NO_DATA, null)));
  // Card 2: nothing measured yet
  static final RollUp CARD_2 = RollUps.card(List.of(cell(NO_DATA, null), cell(NO_DATA, null)));
  // Card 3: AT_RISK 0.3 and an indicator without target
  static final RollUp CARD_3 = RollUps.card(List.of(cell(AT_RISK, 0.3), cell(NO_TARGET, null)));

  @Test
  void aCardAveragesClampedAchievementOfItsAssessedIndicatorsAndShowsTheWorst() {
    // (0.5 + 1 + 0) / 3 = 0.5; the NO_DATA indicator is not in the mean but is counted
    assertThat(CARD_1.achievement()).isCloseTo(0.5, within(1e-12));
    assertThat(CARD_1.assessedChildren()).isEqualTo(3);
    assertThat(CARD_1.status()).isEqualTo(OFF_TRACK);
    assertThat(CARD_1.children())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ACHIEVED, 1, ON_TRACK, 1, AT_RISK, 0, OFF_TRACK, 1, NO_DATA, 1, NO_TARGET, 0));
    // every status is listed, zeros included, in the enum's order for display
    assertThat(CARD_1.children().keySet()).containsExactly(ProgressStatus.values());
    assertThat(CARD_1.rule()).isEqualTo(RollUps.RULE);
  }

  @Test
  void aCardWithNothingMeasuredIsNoDataWithoutAchievement() {
    assertThat(CARD_2.status()).isEqualTo(NO_DATA);
    assertThat(CARD_2.achievement()).isNull();
    assertThat(CARD_2.children().get(NO_DATA)).isEqualTo(2);
  }

  @Test
  void aCardWhoseIndicatorsAllLackTargetsSaysSo() {
    RollUp card = RollUps.card(List.of(cell(NO_TARGET, null)));

    assertThat(card.status()).isEqualTo(NO_TARGET);
    assertThat(RollUps.card(List.of()).status()).isEqualTo(NO_DATA);
  }

  @Test
  void axesAndThePlanCountEveryCellBelowThem() {
    RollUp axis1 = RollUps.axis(List.of(CARD_1, CARD_2));
    RollUp axis2 = RollUps.axis(List.of(CARD_3));
    RollUp plan = RollUps.plan(List.of(axis1, axis2));

    // axis 1: only card 1 has data → achievement 0.5, status OFF_TRACK; card 2 counted as NO_DATA
    assertThat(axis1.achievement()).isCloseTo(0.5, within(1e-12));
    assertThat(axis1.status()).isEqualTo(OFF_TRACK);
    assertThat(axis1.children().get(NO_DATA)).isEqualTo(1);
    assertThat(axis1.cells().get(NO_DATA)).isEqualTo(3);
    // axis 2: 0.3, AT_RISK
    assertThat(axis2.achievement()).isCloseTo(0.3, within(1e-12));
    assertThat(axis2.status()).isEqualTo(AT_RISK);
    // plan: (0.5 + 0.3) / 2 = 0.4; worst is OFF_TRACK; 8 cells, 3 without data, 1 without target
    assertThat(plan.achievement()).isCloseTo(0.4, within(1e-12));
    assertThat(plan.status()).isEqualTo(OFF_TRACK);
    assertThat(plan.cells())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ACHIEVED, 1, ON_TRACK, 1, AT_RISK, 1, OFF_TRACK, 1, NO_DATA, 3, NO_TARGET, 1));
    assertThat(plan.children().get(OFF_TRACK)).isEqualTo(1);
    assertThat(plan.children().get(AT_RISK)).isEqualTo(1);
  }
}
