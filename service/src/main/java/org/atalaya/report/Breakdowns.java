package org.atalaya.report;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.IndicatorDoc;

/** Each indicator of an axis split by sex and by corregimiento, withheld cells marked. */
final class Breakdowns {
  private final ReportFacts facts;
  private final Figures f;
  private final ReportCharts charts;

  Breakdowns(ReportFacts facts, Figures f, ReportCharts charts) {
    this.facts = facts;
    this.f = f;
    this.charts = charts;
  }

  List<ReportModel.Breakdown> of(List<ReportFacts.IndicatorFacts> indicators) {
    List<ReportModel.Breakdown> out = new ArrayList<>();
    for (var i : indicators) {
      String source = source(i.doc(), i.total().source());
      if (!i.bySex().isEmpty()) {
        out.add(
            new ReportModel.Breakdown(
                i.code(),
                i.doc().name(),
                i.doc().unit(),
                "sex",
                cells(i, i.bySex(), true),
                charts.bySex(i, source)));
      }
      if (!i.byTerritory().isEmpty()) {
        out.add(
            new ReportModel.Breakdown(
                i.code(),
                i.doc().name(),
                i.doc().unit(),
                "territory",
                cells(i, i.byTerritory(), false),
                charts.byTerritory(i, facts.plan().placeNames(), source)));
      }
    }
    return out;
  }

  private List<ReportModel.Cell> cells(
      ReportFacts.IndicatorFacts i, List<ReportFacts.Part> parts, boolean bySex) {
    List<ReportModel.Cell> out = new ArrayList<>();
    for (ReportFacts.Part p : parts) {
      String label =
          bySex
              ? f.t("report.sex." + p.sex().name())
              : facts.plan().placeNames().getOrDefault(p.territory(), p.territory());
      String period = p.start() == null ? "" : i.doc().frequency().label(p.start());
      out.add(
          new ReportModel.Cell(label, f.value(i.doc().kind(), p.value()), period, p.suppressed()));
    }
    return out;
  }

  /** The official source's name, which a reader recognises better than its code. */
  static String source(IndicatorDoc doc, String code) {
    return doc.sources().stream()
        .filter(s -> s.code().equals(code))
        .map(IndicatorDoc.SourceDoc::name)
        .findFirst()
        .orElse(code);
  }
}
