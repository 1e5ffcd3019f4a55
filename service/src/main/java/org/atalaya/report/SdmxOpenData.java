package org.atalaya.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.exchange.sdmx.Dsd;
import org.atalaya.exchange.sdmx.DsdJson;
import org.atalaya.exchange.sdmx.SdmxCsv;
import org.atalaya.exchange.sdmx.SdmxJson;
import org.atalaya.exchange.sdmx.SdmxNames;
import org.atalaya.exchange.sdmx.SdmxObservation;

/**
 * The report's open data in SDMX (SDMX-CSV 2.0, SDMX-JSON 2.0 and the structure beside them): the
 * measured values by period and the published survey estimates, from the same rows as {@code
 * datos.csv}. Baselines, targets and achievement are no observation of the structure, so they stay
 * in {@code datos.csv} only.
 */
final class SdmxOpenData {
  static final String CSV = "datos-sdmx.csv";
  static final String JSON = "datos-sdmx.json";
  static final String STRUCTURE = "estructura-sdmx.json";

  private SdmxOpenData() {}

  static List<ReportFiles.File> files(ReportFacts facts, List<Observation> rows) {
    List<SdmxObservation> obs = observations(rows);
    SdmxNames names = names(facts);
    String id = facts.plan().code() + "-" + facts.period().code();
    return List.of(
        new ReportFiles.File(CSV, Dsd.CSV_MEDIA_TYPE, SdmxCsv.write(obs)),
        new ReportFiles.File(JSON, Dsd.JSON_MEDIA_TYPE, SdmxJson.write(id, names, obs)),
        new ReportFiles.File(STRUCTURE, Dsd.STRUCTURE_MEDIA_TYPE, DsdJson.write(names)));
  }

  static boolean names(String file) {
    return file.equals(CSV) || file.equals(JSON) || file.equals(STRUCTURE);
  }

  static List<SdmxObservation> observations(List<Observation> rows) {
    Map<String, SdmxObservation> byKey = new LinkedHashMap<>();
    for (Observation.Measure m :
        List.of(
            Observation.Measure.OBS,
            Observation.Measure.LATEST,
            Observation.Measure.SURVEY_ESTIMATE)) {
      for (Observation r : rows) {
        if (r.measure() == m && r.timePeriod() != null) {
          SdmxObservation o = observation(r);
          byKey.putIfAbsent(o.key(), o);
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  private static SdmxObservation observation(Observation r) {
    String area = Dsd.refArea(r.refArea());
    if (r.withheld()) {
      return SdmxObservation.withheld(r.indicator(), area, r.sex(), r.timePeriod(), r.unit());
    }
    return new SdmxObservation(
        r.indicator(),
        area,
        r.sex(),
        Dsd.ALL_AGES,
        r.timePeriod(),
        r.value(),
        r.obsStatus(),
        r.confStatus(),
        r.unit(),
        r.lower(),
        r.upper());
  }

  private static SdmxNames names(ReportFacts facts) {
    Map<String, String> indicators = new LinkedHashMap<>();
    facts.indicators().forEach(i -> indicators.put(i.code(), i.doc().name()));
    Map<String, String> areas = new LinkedHashMap<>();
    facts.plan().placeNames().forEach((code, name) -> areas.put(Dsd.refArea(code), name));
    return new SdmxNames(facts.plan().name(), indicators, areas);
  }
}
