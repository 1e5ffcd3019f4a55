package org.atalaya.bench;

import java.util.SplittableRandom;

/**
 * A synthetic national survey shaped like ENUSC, from a fixed seed: 16 regions, 136 communes, 10
 * strata per commune, about 20 respondents per PSU, some strata with a single PSU (certainty),
 * PSU-level random effects so that answers cluster, and weights that vary between and within PSUs.
 * Same seed, same file, so Java and R always read identical data.
 */
final class SurveySynthetic {
  static final int REGIONS = 16;
  static final int COMMUNES = 136;
  static final int STRATA_PER_COMMUNE = 10;

  private SurveySynthetic() {}

  static SurveyTable generate(int respondents, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int strata = COMMUNES * STRATA_PER_COMMUNE;
    int targetPsus = Math.max(strata * 2, respondents / 20);
    // PSUs per stratum: mostly a few dozen, 2 % certainty strata with one PSU.
    int[] psusIn = new int[strata];
    int psus = 0;
    for (int h = 0; h < strata; h++) {
      psusIn[h] = random.nextDouble() < 0.02 ? 1 : 2 + random.nextInt(2 * targetPsus / strata - 2);
      psus += psusIn[h];
    }
    int[] stratumOf = new int[psus];
    double[] psuWeight = new double[psus];
    double[] psuEffect = new double[psus];
    for (int h = 0, p = 0; h < strata; h++) {
      for (int k = 0; k < psusIn[h]; k++, p++) {
        stratumOf[p] = h;
        psuWeight[p] = 40 * Math.exp(0.6 * random.nextGaussian());
        psuEffect[p] = 0.5 * random.nextGaussian();
      }
    }
    double[] base = {-1.1, -2.8, 1.9, -1.3, -2.9}; // logits near ENUSC's 24 %, 6 %, 87 %, 21 %, 5 %
    double[] regionEffect = new double[REGIONS + 1];
    for (int r = 1; r <= REGIONS; r++) {
      regionEffect[r] = 0.3 * random.nextGaussian();
    }
    SurveyTable t = new SurveyTable(respondents);
    for (int i = 0; i < respondents; i++) {
      int p = random.nextInt(psus);
      int h = stratumOf[p];
      int commune = h / STRATA_PER_COMMUNE;
      int region = commune % REGIONS + 1;
      t.region[i] = region;
      t.commune[i] = region * 1000 + commune;
      t.stratum[i] = 20_000_000L + h;
      t.psu[i] = 3_000_000_000L + p;
      t.sex[i] = random.nextBoolean() ? 1 : 2;
      t.personWeight[i] = psuWeight[p] * (0.7 + 0.6 * random.nextDouble());
      t.householdWeight[i] = t.personWeight[i] * (0.25 + 0.2 * random.nextDouble());
      double shift = regionEffect[region] + psuEffect[p] + (t.sex[i] == 2 ? 0.25 : 0);
      for (int v = 0; v < base.length; v++) {
        double logit = base[v] + shift;
        t.values[v][i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      }
    }
    return t;
  }
}
