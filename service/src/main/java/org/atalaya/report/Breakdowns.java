package org.atalaya.report;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.publication.SmallAreaText;
import org.atalaya.publication.SmallAreas;
import org.atalaya.shared.Periods;

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
                charts.bySex(i, source),
                List.of(),
                null));
      }
      if (!i.byTerritory().isEmpty()) {
        List<ReportModel.Chart> maps = new ArrayList<>();
        ReportModel.RateTable rates = null;
        if (i.smallAreas() != null && i.smallAreas().period() != null) {
          maps.addAll(charts.rateMaps(i, facts.shapes(), source));
          rates = rates(i.smallAreas(), i.doc().unit());
        } else {
          ModelBuilder.addIfAny(maps, charts.map(i, facts.shapes(), source));
        }
        out.add(
            new ReportModel.Breakdown(
                i.code(),
                i.doc().name(),
                i.doc().unit(),
                "territory",
                cells(i, i.byTerritory(), false),
                charts.byTerritory(i, facts.plan().placeNames(), source),
                maps,
                rates));
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
      String period = f.period(i.doc().frequency(), p.start());
      out.add(
          new ReportModel.Cell(label, f.value(i.doc().kind(), p.value()), period, p.suppressed()));
    }
    return out;
  }

  /** The rates table in the words the indicator page uses (SmallAreaText). */
  private ReportModel.RateTable rates(SmallAreas.Table t, String unit) {
    return new ReportModel.RateTable(
        f.t("web.rates.caption", Periods.code(t.periodLabel()), SmallAreaText.level(t, f.locale)),
        SmallAreaText.header(t, unit, f.locale),
        t.rows().stream().map(r -> SmallAreaText.cells(r, f.locale)).toList(),
        SmallAreaText.explain(
            t, "report.rates.explain", facts.smallCountThreshold() - 1, f.locale));
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
