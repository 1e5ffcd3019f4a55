package org.atalaya.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.survey.estimate.Estimate;
import org.atalaya.survey.estimate.EstimateKind;
import org.atalaya.survey.estimate.Estimator;
import org.atalaya.survey.estimate.SurveyDesign;

/**
 * The service's estimator on one table: 5 variables × (sex, region, commune, sex × region). One
 * round covers what R's timed part covers: coding strata and PSUs, building the person and the
 * household design (with their checks), coding the domains and every estimate. Reading the file is
 * timed apart.
 */
final class SurveyJavaRun {
  static final List<String> BY = List.of("sex", "region", "commune", "sex_region");

  /** Key "variable|by|domain" → estimate, in the order computed. */
  final Map<String, Estimate> estimates = new LinkedHashMap<>();

  final int psus;
  final int strata;

  private SurveyJavaRun(int psus, int strata) {
    this.psus = psus;
    this.strata = strata;
  }

  static SurveyJavaRun once(SurveyTable t) {
    SurveyCodes strataCodes = SurveyCodes.of(t.stratum);
    SurveyCodes psuCodes = SurveyCodes.of(t.psu);
    SurveyDesign persons = new SurveyDesign(t.personWeight, strataCodes.codes(), psuCodes.codes());
    SurveyDesign households =
        new SurveyDesign(t.householdWeight, strataCodes.codes(), psuCodes.codes());
    SurveyJavaRun run = new SurveyJavaRun(psuCodes.count(), strataCodes.count());
    Map<String, SurveyCodes> domains = new LinkedHashMap<>();
    domains.put("sex", SurveyCodes.of(t.sex));
    domains.put("region", SurveyCodes.of(t.region));
    domains.put("commune", SurveyCodes.of(t.commune));
    domains.put("sex_region", SurveyCodes.pairs(t.sex, t.region));
    for (int v = 0; v < SurveyTable.VARIABLES.size(); v++) {
      String variable = SurveyTable.VARIABLES.get(v);
      SurveyDesign design = SurveyTable.household(variable) ? households : persons;
      for (String by : BY) {
        SurveyCodes d = domains.get(by);
        Estimate[] all =
            Estimator.byDomain(design, EstimateKind.PROPORTION, t.values[v], d.codes(), d.count());
        for (int code = 0; code < all.length; code++) {
          String label =
              d.label(code, by.equals("sex_region") ? SurveyCodes::pairLabel : String::valueOf);
          run.estimates.put(variable + "|" + by + "|" + label, all[code]);
        }
      }
    }
    return run;
  }

  /** Medians of {@code rounds} timed rounds after {@code warmup} untimed ones, in milliseconds. */
  static Timed timed(SurveyTable t, int warmup, int rounds) {
    for (int i = 0; i < warmup; i++) {
      once(t);
    }
    double[] ms = new double[rounds];
    SurveyJavaRun last = null;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      last = once(t);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(ms);
    double median = rounds % 2 == 1 ? ms[rounds / 2] : (ms[rounds / 2 - 1] + ms[rounds / 2]) / 2;
    return new Timed(last, median, ms[0], ms[rounds - 1]);
  }

  record Timed(SurveyJavaRun run, double medianMs, double minMs, double maxMs) {}
}
