package org.atalaya.survey.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * p-values from Student's t with 2 df, whose distribution function has the closed form F(t) = 1/2 +
 * t/(2√(2 + t²)): the two-sided p-value is 1 − |t|/√(2 + t²).
 */
class WaveDifferenceTest {
  static Estimate share(double p, double se, int df) {
    return new Estimate(
        EstimateKind.PROPORTION, p, se, 1.5, 800, df, p - 2 * se, p + 2 * se, se / p, null);
  }

  // 0.20 (se .03) → 0.28 (se .04): difference .08, se √(.03² + .04²) = .05, t = 1.6 on
  // min(40, 2) = 2 df; p = 1 − 1.6/√4.56 = 0.250731.
  @Test
  void aChangeWithinTheNoiseIsNotSignificant() {
    WaveDifference d = WaveDifference.of(share(0.20, 0.03, 40), share(0.28, 0.04, 2));

    assertThat(d.difference()).isCloseTo(0.08, within(1e-15));
    assertThat(d.se()).isCloseTo(0.05, within(1e-15));
    assertThat(d.statistic()).isCloseTo(1.6, within(1e-12));
    assertThat(d.df()).isEqualTo(2);
    assertThat(d.pValue()).isCloseTo(1 - 1.6 / Math.sqrt(4.56), within(1e-10));
    assertThat(d.significant()).isFalse();
    assertThat(d.noTest()).isNull();
  }

  // 0.50 → 0.25, both se .05/√2 so the combined se is .05: t = −5, p = 1 − 5/√27 = 0.037750.
  @Test
  void aFallBeyondTheNoiseIsSignificant() {
    double se = 0.05 / Math.sqrt(2);
    WaveDifference d = WaveDifference.of(share(0.50, se, 2), share(0.25, se, 9));

    assertThat(d.statistic()).isCloseTo(-5, within(1e-12));
    assertThat(d.pValue()).isCloseTo(1 - 5 / Math.sqrt(27), within(1e-10));
    assertThat(d.significant()).isTrue();
  }

  @Test
  void anEmptyWaveHasNoTest() {
    Estimate empty =
        new Estimate(
            EstimateKind.PROPORTION,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            NoInterval.EMPTY_DOMAIN);

    WaveDifference d = WaveDifference.of(share(0.3, 0.02, 50), empty);

    assertThat(d.noTest()).isEqualTo(NoInterval.EMPTY_DOMAIN);
    assertThat(d.pValue()).isNaN();
    assertThat(d.significant()).isFalse();
  }

  @Test
  void refusesToCompareAProportionWithAMean() {
    Estimate mean = new Estimate(EstimateKind.MEAN, 3, 0.1, 1, 100, 20, 2.8, 3.2, 0.033, null);

    assertThatThrownBy(() -> WaveDifference.of(share(0.3, 0.02, 50), mean))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // The 95 % interval of the change is difference ± t(df, 0.975)·se. With 2 df, t has a closed
  // form: t(2, u) = (2u − 1)/√(2u(1 − u)), so t(2, 0.975) = 0.95/√0.04875 = 4.302653 (the t
  // tables' value). .08 ± .05·4.302653 includes zero (not significant); −.25 ± the same does not.
  @Test
  void theChangesIntervalIsTheTIntervalAndAgreesWithTheTest() {
    double t = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
    assertThat(t).isCloseTo(4.302653, within(1e-6));

    WaveDifference rise = WaveDifference.of(share(0.20, 0.03, 40), share(0.28, 0.04, 2));
    assertThat(rise.ciLower()).isCloseTo(0.08 - 0.05 * t, within(1e-9));
    assertThat(rise.ciUpper()).isCloseTo(0.08 + 0.05 * t, within(1e-9));
    assertThat(rise.ciLower()).isNegative();

    double se = 0.05 / Math.sqrt(2);
    WaveDifference fall = WaveDifference.of(share(0.50, se, 2), share(0.25, se, 9));
    assertThat(fall.ciLower()).isCloseTo(-0.25 - 0.05 * t, within(1e-9));
    assertThat(fall.ciUpper()).isCloseTo(-0.25 + 0.05 * t, within(1e-9)).isNegative();
    assertThat(fall.significant()).isTrue();
  }
}
