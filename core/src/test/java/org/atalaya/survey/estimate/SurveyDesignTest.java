package org.atalaya.survey.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SurveyDesignTest {
  @Test
  void refusesAPsuSpreadOverTwoStrata() {
    assertThatThrownBy(
            () ->
                new SurveyDesign(new double[] {1, 1, 1}, new int[] {0, 0, 1}, new int[] {0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PSU 1 lies in two strata: 0 (respondent 1) and 1 (respondent 2)");
  }

  @Test
  void refusesWeightsThatAreNotPositiveNumbers() {
    for (double bad : new double[] {0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(
              () -> new SurveyDesign(new double[] {1, bad}, new int[] {0, 0}, new int[] {0, 1}))
          .hasMessageStartingWith("respondent 1: the weight must be a finite number above 0");
    }
  }

  @Test
  void refusesArraysOfDifferentLengthsAndNegativeCodes() {
    assertThatThrownBy(() -> new SurveyDesign(new double[] {1, 1}, new int[] {0}, new int[] {0, 1}))
        .hasMessageContaining("one entry per respondent");
    assertThatThrownBy(
            () -> new SurveyDesign(new double[] {1, 1}, new int[] {0, -1}, new int[] {0, 1}))
        .hasMessageStartingWith("respondent 1: stratum and PSU codes start at 0");
  }

  @Test
  void keepsItsOwnCopyOfTheArrays() {
    double[] weights = {1, 2};
    SurveyDesign design = new SurveyDesign(weights, new int[] {0, 0}, new int[] {0, 1});

    weights[0] = -1;

    assertThat(design.weights()).containsExactly(1, 2);
  }
}
