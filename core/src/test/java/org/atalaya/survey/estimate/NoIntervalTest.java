package org.atalaya.survey.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.survey.estimate.SmallDesigns.WOMEN;
import static org.atalaya.survey.estimate.SmallDesigns.Y;
import static org.atalaya.survey.estimate.SmallDesigns.twoStrataAndACertainty;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Cells that cannot have an interval say why, and missing values leave the design alone. Design and
 * notation as in {@link SmallDesigns}.
 */
class NoIntervalTest {
  final SurveyDesign design = twoStrataAndACertainty();

  @Test
  void emptyDomainHasNothingButItsReason() {
    Estimate e = Estimator.estimate(design, EstimateKind.PROPORTION, Y, new boolean[7]);

    assertThat(e.noInterval()).isEqualTo(NoInterval.EMPTY_DOMAIN);
    assertThat(e.isEmpty()).isTrue();
    assertThat(e.n()).isZero();
    assertThat(e.estimate()).isNaN();
    assertThat(e.ciLower()).isNaN();
  }

  // Respondents 0 and 1 share PSU 0: df = 1 − 1 = 0. For a mean the domain's scores add to 0
  // inside its only PSU, so se = 0 (R: 0.33333, SE 0); for a total PSU 0 gives z = 1 against
  // PSU 1's 0 in stratum 0: 2·(.5² + .5²) = 1 (R: total 1, SE 1). Either way no t interval.
  @Test
  void domainInsideOnePsuHasAStandardErrorButNoInterval() {
    boolean[] firstPsu = {true, true, false, false, false, false, false};

    Estimate share = Estimator.estimate(design, EstimateKind.PROPORTION, Y, firstPsu);
    Estimate total = Estimator.estimate(design, EstimateKind.TOTAL, Y, firstPsu);

    assertThat(share.noInterval()).isEqualTo(NoInterval.ONE_PSU);
    assertThat(share.estimate()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(share.df()).isZero();
    assertThat(total.noInterval()).isEqualTo(NoInterval.ONE_PSU);
    assertThat(total.se()).isCloseTo(1, within(1e-15));
    assertThat(total.ciUpper()).isNaN();
  }

  @Test
  void aShareOfExactlyOneHasNoVariation() {
    boolean[] yesOnly = {true, false, true, false, false, false, false};

    Estimate e = Estimator.estimate(design, EstimateKind.PROPORTION, Y, yesOnly);

    assertThat(e.estimate()).isEqualTo(1);
    assertThat(e.se()).isZero();
    assertThat(e.df()).isEqualTo(1);
    assertThat(e.noInterval()).isEqualTo(NoInterval.NO_VARIATION);
    assertThat(e.deff()).isNaN();
  }

  // Respondent 3 (a woman, weight 2, y = 0) loses her answer: the women with a value are 0, 4
  // and 6, one PSU in each stratum: p = 1, se = 0, df = 3 − 3 = 0 (R's svyby(na.rm = TRUE):
  // 1.00, SE 0). Her PSU stays in the design, so the men's figures do not move.
  @Test
  void missingValuesLeaveTheDomainButNotTheDesign() {
    double[] y = Y.clone();
    y[3] = Double.NaN;

    Estimate[] bySex = Estimator.byDomain(design, EstimateKind.PROPORTION, y, SmallDesigns.SEX, 2);

    assertThat(bySex[1].n()).isEqualTo(3);
    assertThat(bySex[1].estimate()).isEqualTo(1);
    assertThat(bySex[1].se()).isZero();
    assertThat(bySex[1].df()).isZero();
    assertThat(bySex[1].noInterval()).isEqualTo(NoInterval.ONE_PSU);
    assertThat(bySex[0].se()).isCloseTo(Math.sqrt(104.0 / 1024), within(1e-12));
  }

  // Without respondent 4's answer the women are 0, 3, 6: Σw = 5, Σw·y = 3, p = .6. Scores
  // w(y − .6)/5: .08, −.24, .16. PSU totals .08, 0 | −.24, 0 | .16 (certainty). Stratum 0: mean
  // .04, 2·2·.04² = .0064; stratum 1: mean −.12, 2·2·.12² = .0576. V = .064; df = 3 − 3 = 0.
  @Test
  void aMissingAnswerCanTakeAwayTheLastDegreeOfFreedom() {
    double[] y = Y.clone();
    y[4] = Double.NaN;

    Estimate e = Estimator.estimate(design, EstimateKind.PROPORTION, y, WOMEN);

    assertThat(e.estimate()).isCloseTo(0.6, within(1e-15));
    assertThat(e.se()).isCloseTo(Math.sqrt(0.064), within(1e-15));
    assertThat(e.noInterval()).isEqualTo(NoInterval.ONE_PSU);
  }

  @Test
  void allValuesMissingIsNotAnEmptyDomain() {
    double[] none = new double[7];
    Arrays.fill(none, Double.NaN);

    Estimate e = Estimator.estimate(design, EstimateKind.MEAN, none, WOMEN);

    assertThat(e.noInterval()).isEqualTo(NoInterval.ALL_MISSING);
    assertThat(e.n()).isZero();
  }

  @Test
  void refusesValuesThatAreNotAProportion() {
    double[] y = Y.clone();
    y[2] = 2;

    assertThatThrownBy(() -> Estimator.estimate(design, EstimateKind.PROPORTION, y, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("respondent 2");
    assertThatThrownBy(
            () ->
                Estimator.byDomain(
                    design, EstimateKind.MEAN, Y, new int[] {0, 0, 0, 0, 0, 0, 5}, 2))
        .hasMessageContaining("respondent 6");
  }
}
