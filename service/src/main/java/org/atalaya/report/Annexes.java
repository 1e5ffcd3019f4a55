package org.atalaya.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.progress.Thresholds;

/** The methodology annex (definitions, sources, rules) and the glossary. */
final class Annexes {
  static final int GLOSSARY_TERMS = 10;

  private Annexes() {}

  static List<ReportModel.Definition> definitions(ReportFacts facts, Figures f) {
    List<ReportModel.Definition> out = new ArrayList<>();
    for (var i : facts.indicators()) {
      IndicatorDoc d = i.doc();
      String sources =
          d.sources().stream()
              .map(s -> s.official() ? s.name() + " (" + f.t("report.official") + ")" : s.name())
              .collect(Collectors.joining("; "));
      List<String> by = new ArrayList<>();
      if (d.disaggregations().sex()) {
        by.add(f.t("report.by.sex"));
      }
      if (d.disaggregations().territory()) {
        by.add(f.t("report.by.territory"));
      }
      String kind = f.t("report.kind." + d.kind().name());
      if (d.rateBase() != null) {
        kind += " " + f.t("report.rateBase", f.count(d.rateBase()));
      }
      out.add(
          new ReportModel.Definition(
              d.code(),
              d.name(),
              d.description() == null ? "" : d.description(),
              kind,
              d.unit(),
              f.t("report.direction." + d.direction().name()),
              f.t("report.frequency." + d.frequency().name()),
              f.t("report.accumulation." + d.accumulation().name()),
              d.numeratorDefinition() == null ? "" : d.numeratorDefinition(),
              d.denominatorDefinition() == null ? "" : d.denominatorDefinition(),
              sources.isEmpty() ? i.total().source() : sources,
              by.isEmpty() ? f.t("report.by.none") : String.join(", ", by)));
    }
    return out;
  }

  /** The rules, with the thresholds actually in force. */
  static List<String> methodology(ReportFacts facts, Figures f) {
    Thresholds t = Thresholds.DEFAULTS;
    return List.of(
        f.t("report.method.cutoff", f.date(facts.asOf())),
        f.t("report.method.achievement"),
        f.t(
            "report.method.status",
            Thresholds.points(t.onTrackMargin()),
            Thresholds.points(t.atRiskMargin())),
        f.t("report.method.rollup"),
        f.t("report.method.totals"),
        f.t("report.method.forecast", f.percent(t.predictionLevel())),
        f.t("report.method.survey", f.t("report.scheme." + facts.surveyScheme())),
        f.t("report.method.suppression", facts.smallCountThreshold() - 1),
        f.t("report.method.openData"));
  }

  /** Physical and financial progress of every card and project, in the plan's order. */
  static List<ReportModel.ExecutionRow> execution(ReportFacts facts, Figures f) {
    java.text.NumberFormat money = java.text.NumberFormat.getNumberInstance(f.locale);
    money.setMinimumFractionDigits(2);
    money.setMaximumFractionDigits(2);
    List<ReportModel.ExecutionRow> out = new ArrayList<>();
    for (var p : facts.execution()) {
      var s = p.summary();
      String currency =
          p.budget() != null
              ? p.budget().currency()
              : p.budgetLines().isEmpty() ? "" : p.budgetLines().get(0).currency();
      out.add(
          new ReportModel.ExecutionRow(
              f.t("report.execution.kind." + p.kind().name()),
              p.code(),
              p.name(),
              f.t("report.execution.activities", s.done(), s.activities() - s.cancelled()),
              s.physical() == null ? "—" : f.percent(s.physical()),
              s.expected() == null ? "—" : f.percent(s.expected()),
              p.budget() == null
                  ? "—"
                  : (money.format(p.budget().amount()) + " " + currency).strip(),
              (money.format(s.executed()) + " " + currency).strip(),
              s.financial() == null ? "—" : f.percent(s.financial())));
    }
    return out;
  }

  static List<ReportModel.Term> glossary(Figures f) {
    List<ReportModel.Term> out = new ArrayList<>();
    for (int n = 1; n <= GLOSSARY_TERMS; n++) {
      out.add(
          new ReportModel.Term(
              f.t("report.glossary." + n + ".term"), f.t("report.glossary." + n + ".text")));
    }
    return out;
  }
}
