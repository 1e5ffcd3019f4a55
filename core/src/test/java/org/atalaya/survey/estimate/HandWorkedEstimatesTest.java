package org.atalaya.survey.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.survey.estimate.SmallDesigns.AGE;
import static org.atalaya.survey.estimate.SmallDesigns.SEX;
import static org.atalaya.survey.estimate.SmallDesigns.T1;
import static org.atalaya.survey.estimate.SmallDesigns.T2;
import static org.atalaya.survey.estimate.SmallDesigns.WOMEN;
import static org.atalaya.survey.estimate.SmallDesigns.Y;
import static org.atalaya.survey.estimate.SmallDesigns.expit;
import static org.atalaya.survey.estimate.SmallDesigns.twoStrataAndACertainty;

import org.junit.jupiter.api.Test;

/** Whole-sample and domain estimates on {@link SmallDesigns}, worked out in the comments. */
class HandWorkedEstimatesTest {
  static final double TOL = 1e-12;
  final SurveyDesign design = twoStrataAndACertainty();

  // Σw = 10, Σw·y = 5: p = 0.5. Scores u = w(y − 0.5)/10 = .05, −.1, .05, −.1, .05, −.05, .1;
  // PSU totals z = −.05, .05 | −.1, 0 | .1 (certainty, ignored).
  // Stratum 0: 2/1·(.05² + .05²) = .01; stratum 1: mean −.05, 2·(.05² + .05²) = .01. V = .02.
  // df = 5 PSUs − 3 strata = 2. deff: s² = 7/6·Σw(y − .5)²/Σw = 7/6·.25, SRS variance
  // s²·(10 − 7)/(10·7) = .0125, deff = .02/.0125 = 1.6.
  // Logit interval: logit(.5) = 0 ± T2·√.02/(.5·.5).
  @Test
  void proportionOverTheWholeSampleIgnoresTheCertaintyStratum() {
    Estimate e = Estimator.estimate(design, EstimateKind.PROPORTION, Y, null);

    double se = Math.sqrt(0.02);
    assertThat(e.estimate()).isCloseTo(0.5, within(TOL));
    assertThat(e.se()).isCloseTo(se, within(TOL));
    assertThat(e.deff()).isCloseTo(1.6, within(TOL));
    assertThat(e.n()).isEqualTo(7);
    assertThat(e.df()).isEqualTo(2);
    assertThat(e.cases()).isEqualTo(4);
    assertThat(e.ciLower()).isCloseTo(expit(-T2 * se / 0.25), within(1e-10));
    assertThat(e.ciUpper()).isCloseTo(expit(T2 * se / 0.25), within(1e-10));
    assertThat(e.cv()).isCloseTo(se / 0.5, within(TOL));
    assertThat(e.noInterval()).isNull();
  }

  // Total Σw·y = 5. Scores w·y: PSU totals 1, 1 | 0, 1 | 2 (certainty). Stratum 0 adds nothing,
  // stratum 1: mean .5, 2·(.25 + .25) = 1. V = 1, se = 1, interval 5 ± T2.
  // deff = 1 / (s²·Σw²·(10 − 7)/(10·7)) = 1 / (7/6·.25·100·3/70) = 1/1.25 = 0.8.
  @Test
  void totalUsesUncentredScoresAndAWaldInterval() {
    Estimate e = Estimator.estimate(design, EstimateKind.TOTAL, Y, null);

    assertThat(e.estimate()).isCloseTo(5, within(TOL));
    assertThat(e.se()).isCloseTo(1, within(TOL));
    assertThat(e.deff()).isCloseTo(0.8, within(TOL));
    assertThat(e.ciLower()).isCloseTo(5 - T2, within(1e-10));
    assertThat(e.ciUpper()).isCloseTo(5 + T2, within(1e-10));
    assertThat(e.cv()).isCloseTo(0.2, within(TOL));
  }

  // Mean age: Σw·age = 510, Σw = 10, mean 51. Scores w(age − 51)/10: −3.1, −4.2, −1.1, −.2, .9,
  // 1.9, 5.8. PSU totals −7.3, −1.1 | −.2, 2.8. Stratum 0: mean −4.2, deviations ±3.1,
  // 2·19.22 = 38.44; stratum 1: mean 1.3, deviations ±1.5, 2·4.5 = 9. V = 47.44.
  // s² = 7/6·Σw(age − 51)²/10 = 7/6·4090/10 = 477.1667, SRS variance s²·3/70 = 20.45,
  // deff = 47.44/20.45.
  @Test
  void meanOfANumericVariable() {
    Estimate e = Estimator.estimate(design, EstimateKind.MEAN, AGE, null);

    assertThat(e.estimate()).isCloseTo(51, within(TOL));
    assertThat(e.se()).isCloseTo(Math.sqrt(47.44), within(1e-10));
    assertThat(e.deff()).isCloseTo(47.44 / 20.45, within(1e-10));
    assertThat(e.ciLower()).isCloseTo(51 - T2 * Math.sqrt(47.44), within(1e-9));
    assertThat(e.ciUpper()).isCloseTo(51 + T2 * Math.sqrt(47.44), within(1e-9));
  }

  // Women (respondents 0, 3, 4, 6): Σw = 6, Σw·y = 4, p = 2/3. Scores w(y − 2/3)/6 inside the
  // domain, 0 outside: 1/18, −4/18, 1/18, 2/18. PSU totals 1/18, 0 | −4/18, 1/18 | 2/18. PSU 1
  // has no woman but still counts in stratum 0: mean 1/36, 2·2/36² = 4/1296; stratum 1: mean
  // −1/12, deviations ∓5/36, 2·50/1296 = 100/1296. V = 104/1296.
  // df: PSUs 0, 2, 3, 4 minus strata 0, 1, 2 = 1. s² = 4/3·(12/9)/6 = 8/27, SRS variance
  // 8/27·(6 − 4)/(6·4) = 2/81, deff = (104/1296)/(2/81) = 3.25.
  // A subset taken as a new survey would see one PSU in stratum 0 and give another answer.
  @Test
  void domainKeepsEveryPsuOfTheDesign() {
    Estimate e = Estimator.estimate(design, EstimateKind.PROPORTION, Y, WOMEN);

    double se = Math.sqrt(104) / 36;
    assertThat(e.estimate()).isCloseTo(2.0 / 3, within(TOL));
    assertThat(e.se()).isCloseTo(se, within(TOL));
    assertThat(e.deff()).isCloseTo(3.25, within(1e-10));
    assertThat(e.n()).isEqualTo(4);
    assertThat(e.df()).isEqualTo(1);
    double half = T1 * se / (2.0 / 9);
    assertThat(e.ciLower()).isCloseTo(expit(Math.log(2) - half), within(1e-10));
    assertThat(e.ciUpper()).isCloseTo(expit(Math.log(2) + half), within(1e-10));
  }

  // Men (1, 2, 5): Σw = 4, Σw·y = 1, p = 1/4; R's svyby gives se 0.3186887 and deff 4.333333.
  // Scores w(y − 1/4)/4: −1/8, 3/16, −1/16. PSU totals −2/16, 3/16 | 0, −1/16: stratum 0 mean
  // 1/32, 2·(2·(5/32)²) = 100/1024; stratum 1 mean −1/32, 2·(2·(1/32)²) = 4/1024. V = 104/1024.
  @Test
  void allDomainsInOnePassMatchOneAtATime() {
    Estimate[] bySex = Estimator.byDomain(design, EstimateKind.PROPORTION, Y, SEX, 3);

    assertThat(bySex[0].estimate()).isCloseTo(0.25, within(TOL));
    assertThat(bySex[0].se()).isCloseTo(Math.sqrt(104.0 / 1024), within(TOL));
    assertThat(bySex[0].se()).isCloseTo(0.3186887, within(1e-7));
    assertThat(bySex[0].deff()).isCloseTo(4.333333, within(1e-6));
    assertThat(bySex[1]).isEqualTo(Estimator.estimate(design, EstimateKind.PROPORTION, Y, WOMEN));
    assertThat(bySex[2].noInterval()).isEqualTo(NoInterval.EMPTY_DOMAIN);
  }
}
