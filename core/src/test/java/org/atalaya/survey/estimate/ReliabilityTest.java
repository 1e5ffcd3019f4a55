package org.atalaya.survey.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atalaya.survey.estimate.Reliability.NOT_RELIABLE;
import static org.atalaya.survey.estimate.Reliability.RELIABLE;
import static org.atalaya.survey.estimate.Reliability.WEAKLY_RELIABLE;
import static org.atalaya.survey.estimate.ReliabilityScheme.CEPAL_2023;
import static org.atalaya.survey.estimate.ReliabilityScheme.INE_CHILE;

import org.junit.jupiter.api.Test;

/** Each threshold of both schemes, just inside and just outside. */
class ReliabilityTest {
  static Estimate proportion(double p, double se, long n, int df, double deff, long cases) {
    return new Estimate(
        EstimateKind.PROPORTION, p, se, deff, n, df, p - se, p + se, se / p, null, cases);
  }

  static Estimate mean(double cv, long n, int df, double deff) {
    return new Estimate(EstimateKind.MEAN, 10, 10 * cv, deff, n, df, 9, 11, cv, null, n);
  }

  // INE: q = 0.125 gives q^(2/3)/9 = 0.25/9 = 0.027778; p = 0.875 has the same q.
  @Test
  void ineProportionsAreJudgedByTheirStandardError() {
    assertThat(Reliability.of(proportion(0.125, 0.0277, 60, 9, 2, 10), INE_CHILE))
        .isEqualTo(RELIABLE);
    assertThat(Reliability.of(proportion(0.125, 0.0278, 60, 9, 2, 10), INE_CHILE))
        .isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(proportion(0.875, 0.0277, 60, 9, 2, 50), INE_CHILE))
        .isEqualTo(RELIABLE);
    assertThat(Reliability.of(proportion(0.875, 0.0278, 60, 9, 2, 50), INE_CHILE))
        .isEqualTo(WEAKLY_RELIABLE);
  }

  @Test
  void ineNeedsSixtyRespondentsAndNineDegreesOfFreedom() {
    assertThat(Reliability.of(proportion(0.125, 0.01, 59, 9, 2, 10), INE_CHILE))
        .isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(proportion(0.125, 0.01, 60, 8, 2, 10), INE_CHILE))
        .isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(mean(0.05, 59, 20, 1), INE_CHILE)).isEqualTo(NOT_RELIABLE);
  }

  @Test
  void ineMeansAreJudgedByTheirCoefficientOfVariation() {
    assertThat(Reliability.of(mean(0.15, 60, 9, 1), INE_CHILE)).isEqualTo(RELIABLE);
    assertThat(Reliability.of(mean(0.1500001, 60, 9, 1), INE_CHILE)).isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(mean(0.30, 60, 9, 1), INE_CHILE)).isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(mean(0.3000001, 60, 9, 1), INE_CHILE)).isEqualTo(NOT_RELIABLE);
  }

  // CEPAL: p = 0.2 has −ln(p)·p = 0.321888, so the log-CV limit 0.175 falls at se = 0.056330.
  @Test
  void cepalProportionsNeedALowLogCvAndEnoughCases() {
    assertThat(Reliability.of(proportion(0.2, 0.0563, 200, 9, 2, 50), CEPAL_2023))
        .isEqualTo(RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.0564, 200, 9, 2, 50), CEPAL_2023))
        .isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.0563, 200, 9, 2, 49), CEPAL_2023))
        .isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.0563, 200, 9, 2, 30), CEPAL_2023))
        .isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.0563, 200, 9, 2, 29), CEPAL_2023))
        .isEqualTo(NOT_RELIABLE);
  }

  @Test
  void cepalNeedsADesignEffectOfOneSixtyEffectiveCasesAndNineDf() {
    assertThat(Reliability.of(proportion(0.2, 0.01, 120, 9, 2, 50), CEPAL_2023))
        .isEqualTo(RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.01, 120, 9, 2.01, 50), CEPAL_2023))
        .as("120 / 2.01 < 60 effective cases")
        .isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.01, 120, 9, 0.99, 50), CEPAL_2023))
        .isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.01, 120, 9, Double.NaN, 50), CEPAL_2023))
        .isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(proportion(0.2, 0.01, 120, 8, 1.5, 50), CEPAL_2023))
        .isEqualTo(NOT_RELIABLE);
  }

  @Test
  void cepalMeansAreReliableUpToCvPointTwo() {
    assertThat(Reliability.of(mean(0.20, 100, 9, 1), CEPAL_2023)).isEqualTo(RELIABLE);
    assertThat(Reliability.of(mean(0.2000001, 100, 9, 1), CEPAL_2023)).isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(mean(0.30, 100, 9, 1), CEPAL_2023)).isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(mean(0.3000001, 100, 9, 1), CEPAL_2023)).isEqualTo(NOT_RELIABLE);
  }

  @Test
  void anObservatoryCanTightenTheThresholds() {
    ReliabilityCriteria strict =
        new ReliabilityCriteria(INE_CHILE, 100, 12, 0.10, 0.20, 0, 0, 0, 0);

    assertThat(Reliability.of(mean(0.12, 100, 12, 1), strict)).isEqualTo(WEAKLY_RELIABLE);
    assertThat(Reliability.of(mean(0.12, 99, 12, 1), strict)).isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(mean(0.12, 100, 12, 1), INE_CHILE)).isEqualTo(RELIABLE);
  }

  @Test
  void anEmptyDomainIsNeverPublished() {
    Estimate empty =
        Estimator.estimate(
            SmallDesigns.twoStrataAndACertainty(),
            EstimateKind.PROPORTION,
            SmallDesigns.Y,
            new boolean[7]);

    assertThat(Reliability.of(empty, INE_CHILE)).isEqualTo(NOT_RELIABLE);
    assertThat(Reliability.of(empty, CEPAL_2023)).isEqualTo(NOT_RELIABLE);
  }
}
