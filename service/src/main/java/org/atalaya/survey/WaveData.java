package org.atalaya.survey;

import java.util.Map;
import org.atalaya.survey.estimate.SurveyDesign;

/**
 * The columns of a wave that one estimate reads: one weight, strata and PSUs as dense codes, sex,
 * territory and age group, and the few variables asked for, each as codes into its distinct texts
 * ({@link Column}); and the design built over that weight. Held by {@link WaveCache}, shared by
 * every request of the same wave and data version: read only.
 */
record WaveData(
    double[] weights,
    int[] strata,
    int[] psus,
    Column sex,
    Column territory,
    Column ageGroup,
    Map<String, Column> variables,
    SurveyDesign design) {

  int size() {
    return weights.length;
  }
}
