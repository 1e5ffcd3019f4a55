package org.atalaya.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.Point;
import org.atalaya.survey.IndicatorCells;

/**
 * The open data behind every figure of the report: aggregates only (no respondent, no record),
 * withheld cells flagged and empty. Labels are Spanish, the codes are what machines read.
 */
final class OpenData {

  private final ReportFacts facts;
  private final List<Observation> rows = new ArrayList<>();

  private OpenData(ReportFacts facts) {
    this.facts = facts;
  }

  static List<Observation> of(ReportFacts facts) {
    var data = new OpenData(facts);
    facts.indicators().forEach(data::indicator);
    return List.copyOf(data.rows);
  }

  private void indicator(ReportFacts.IndicatorFacts i) {
    IndicatorDoc d = i.doc();
    Frequency fr = d.frequency();
    String district = facts.plan().territory();
    String source = Breakdowns.source(d, i.total().source());
    CellProgress p = i.total().progress();
    String status = p.status().name();
    point(i, Observation.Measure.BASELINE, district, "_T", p.baseline(), fr, status, source);
    point(i, Observation.Measure.TARGET, district, "_T", p.target(), fr, status, source);
    point(i, Observation.Measure.LATEST, district, "_T", p.latest(), fr, status, source);
    if (p.expectedValue() != null) {
      add(
          i,
          Observation.Measure.EXPECTED,
          district,
          "_T",
          facts.asOf().toString(),
          p.expectedValue(),
          d.unit(),
          status,
          source);
    }
    if (p.achievement() != null) {
      add(
          i,
          Observation.Measure.ACHIEVEMENT,
          district,
          "_T",
          facts.asOf().toString(),
          p.achievement(),
          "ratio",
          status,
          source);
    }
    for (ReportFacts.Obs o : i.series()) {
      obs(i, district, "_T", o, source);
    }
    i.seriesBySex()
        .forEach((sex, obs) -> obs.forEach(o -> obs(i, district, sex.name(), o, source)));
    for (ReportFacts.Part part : i.bySex()) {
      part(i, part, source);
    }
    for (ReportFacts.Part part : i.byTerritory()) {
      part(i, part, source);
    }
    for (IndicatorCells.CellInterval c : i.survey()) {
      String area = "_T".equals(c.territory()) ? district : c.territory();
      rows.add(
          new Observation(
              facts.plan().code(),
              d.code(),
              d.name(),
              Observation.Measure.SURVEY_ESTIMATE,
              area,
              name(area),
              c.sex(),
              sdmx(fr.label(fr.startOf(c.periodStart()))),
              c.suppressed() ? null : round(c.value()),
              d.unit(),
              c.suppressed() ? null : round(c.ciLower()),
              c.suppressed() ? null : round(c.ciUpper()),
              0.95,
              c.n(),
              c.reliability(),
              null,
              c.suppressed() ? "M" : "E",
              c.suppressed() ? "C" : "F",
              source + " · " + c.wave(),
              c.suppressed() ? "suprimido: estimación no publicable (fiabilidad)" : null));
    }
  }

  private void obs(
      ReportFacts.IndicatorFacts i, String area, String sex, ReportFacts.Obs o, String source) {
    rows.add(
        new Observation(
            facts.plan().code(),
            i.code(),
            i.doc().name(),
            Observation.Measure.OBS,
            area,
            name(area),
            sex,
            sdmx(o.period()),
            round(o.value()),
            i.doc().unit(),
            null,
            null,
            null,
            null,
            null,
            null,
            o.suppressed() ? "M" : o.validated() ? "A" : "P",
            o.suppressed() ? "C" : "F",
            source,
            o.suppressed() ? smallCount() : null));
  }

  private void part(ReportFacts.IndicatorFacts i, ReportFacts.Part part, String source) {
    if (part.start() == null && !part.suppressed()) {
      return; // no data: nothing to publish, and no zero
    }
    Frequency fr = i.doc().frequency();
    rows.add(
        new Observation(
            facts.plan().code(),
            i.code(),
            i.doc().name(),
            Observation.Measure.LATEST,
            part.territory(),
            name(part.territory()),
            part.sex().name(),
            part.start() == null ? null : sdmx(fr.label(part.start())),
            round(part.value()),
            i.doc().unit(),
            null,
            null,
            null,
            null,
            null,
            null,
            part.suppressed() ? "M" : "A",
            part.suppressed() ? "C" : "F",
            source,
            part.suppressed() ? smallCount() : null));
  }

  private void point(
      ReportFacts.IndicatorFacts i,
      Observation.Measure m,
      String area,
      String sex,
      Point point,
      Frequency fr,
      String status,
      String source) {
    if (point != null) {
      add(
          i,
          m,
          area,
          sex,
          sdmx(fr.label(fr.startOf(point.date()))),
          point.value(),
          i.doc().unit(),
          status,
          source);
    }
  }

  private void add(
      ReportFacts.IndicatorFacts i,
      Observation.Measure m,
      String area,
      String sex,
      String period,
      Double value,
      String unit,
      String status,
      String source) {
    rows.add(
        new Observation(
            facts.plan().code(),
            i.code(),
            i.doc().name(),
            m,
            area,
            name(area),
            sex,
            period,
            round(value),
            unit,
            null,
            null,
            null,
            null,
            null,
            status,
            "A",
            "F",
            source,
            null));
  }

  private String smallCount() {
    return "suprimido: recuento pequeño (1 a "
        + (facts.smallCountThreshold() - 1)
        + ") o complemento de uno, para que no se deduzca por resta";
  }

  private String name(String area) {
    return facts.plan().placeNames().getOrDefault(area, area);
  }

  /** SDMX writes quarters as 2025-Q1 and halves as 2025-S1; the service labels them 2025-T1. */
  static String sdmx(String label) {
    return label == null ? null : label.replace("-T", "-Q");
  }

  static Double round(Double v) {
    return v == null
        ? null
        : BigDecimal.valueOf(v)
            .setScale(6, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .doubleValue();
  }
}
