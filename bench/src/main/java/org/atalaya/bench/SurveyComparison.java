package org.atalaya.bench;

import java.util.Map;
import org.atalaya.survey.estimate.Estimate;

/**
 * Java's estimates against R's, figure by figure: estimate, se, deff and the interval bounds give
 * the largest absolute and relative differences; n and df must be equal.
 */
final class SurveyComparison {
  static final String[] FIELDS = {"estimate", "se", "deff", "ci_lower", "ci_upper"};

  double maxAbs;
  double maxRel;
  String worst = "-";
  int compared;
  int missingInR;
  int nanMismatches;
  int countMismatches;

  static SurveyComparison of(Map<String, Estimate> java, Map<String, double[]> r) {
    SurveyComparison c = new SurveyComparison();
    for (Map.Entry<String, Estimate> entry : java.entrySet()) {
      double[] theirs = r.get(entry.getKey());
      if (theirs == null) {
        c.missingInR++;
        continue;
      }
      Estimate e = entry.getValue();
      double[] ours = {e.estimate(), e.se(), e.deff(), e.ciLower(), e.ciUpper()};
      double[] same = {theirs[0], theirs[1], theirs[2], theirs[5], theirs[6]};
      for (int f = 0; f < ours.length; f++) {
        c.add(entry.getKey(), FIELDS[f], ours[f], same[f]);
      }
      if (e.n() != (long) theirs[3] || e.df() != (int) theirs[4]) {
        c.countMismatches++;
      }
    }
    return c;
  }

  private void add(String key, String field, double ours, double theirs) {
    if (Double.isNaN(ours) || Double.isNaN(theirs)) {
      if (Double.isNaN(ours) != Double.isNaN(theirs)) {
        nanMismatches++;
      }
      return;
    }
    compared++;
    double abs = Math.abs(ours - theirs);
    maxAbs = Math.max(maxAbs, abs);
    if (theirs != 0 && abs / Math.abs(theirs) > maxRel) {
      maxRel = abs / Math.abs(theirs);
      worst = key + " " + field;
    }
  }

  boolean clean() {
    return missingInR == 0 && nanMismatches == 0 && countMismatches == 0;
  }
}
