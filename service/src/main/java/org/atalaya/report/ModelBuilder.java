package org.atalaya.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.progress.RollUp;
import org.atalaya.progress.RollUps;
import org.atalaya.publication.FigureText;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.risk.RiskChart;
import org.atalaya.risk.RiskMap;

/** Lays a report's facts out in one language: summary, one section per axis, annexes. */
final class ModelBuilder {
  private final ReportFacts facts;
  private final Figures f;
  private final ReportCharts charts;

  ModelBuilder(ReportFacts facts, Locale locale) {
    this.facts = facts;
    this.f = new Figures(locale);
    this.charts = new ReportCharts(f, facts.asOf());
  }

  ReportModel build(String version) {
    var plan = facts.plan();
    var cover =
        new ReportModel.Cover(
            plan.code(),
            plan.name(),
            plan.territoryName(),
            plan.start().getYear() + "–" + plan.end().getYear(),
            facts.period().code(),
            periodLabel(),
            f.date(facts.asOf()),
            version);
    List<ReportModel.StatusCount> actions = actionCounts(facts.progress().children());
    List<ReportModel.AxisSection> axes = new ArrayList<>();
    List<ReportModel.Row> headlines = new ArrayList<>();
    for (var i : facts.indicators()) {
      headlines.add(row(i.doc(), i.total().progress()));
    }
    int n = 0;
    for (Publication.Level axis : facts.progress().children()) {
      axes.add(axis(axis, ++n));
    }
    var surveys = new SurveyBlocks(facts, f, charts).blocks();
    return new ReportModel(
        f.locale.getLanguage(),
        cover,
        facts.hasData(),
        actions,
        actions.stream().mapToInt(ReportModel.StatusCount::count).sum(),
        counts(facts.progress().progress().cells()),
        headlines,
        axes,
        surveys,
        Annexes.definitions(facts, f),
        Annexes.methodology(facts, f),
        Annexes.glossary(f),
        Annexes.execution(facts, f),
        risk());
  }

  /** The risk map section: the risk page's map and counts for the report's period. */
  private ReportModel.RiskSection risk() {
    RiskMap.Aggregate a = facts.risk();
    if (a == null || a.total() == 0) {
      return null;
    }
    ChoroplethMap map = RiskChart.of(a, facts.shapes(), facts.asOf(), f.locale);
    return new ReportModel.RiskSection(
        f.t("web.risk.intro", a.districtName()),
        f.t("web.risk.total", FigureText.number(IndicatorKind.COUNT, (double) a.total(), f.locale))
            + " · "
            + f.t("web.risk.periodLine", RiskChart.period(a.from(), a.to(), f.locale)),
        f.t("web.risk.how", a.gridMetres(), a.withheldBelow() - 1),
        a.illustrative(),
        map == null ? null : charts.draw(map, ReportCharts.MAP_HEIGHT),
        a.corregimientos().stream()
            .map(p -> List.of(p.name(), count(p.count(), p.mark())))
            .toList(),
        a.kinds().stream()
            .map(k -> List.of(f.t("risk.kind." + k.kind().name()), count(k.count(), k.mark())))
            .toList());
  }

  private String count(Long n, Mark mark) {
    return mark == Mark.WITHHELD
        ? f.t("publication.withheld")
        : FigureText.number(IndicatorKind.COUNT, n == null ? null : n.doubleValue(), f.locale);
  }

  private String periodLabel() {
    var p = facts.period();
    return f.t(
        "report.period." + p.kind().name(),
        p.start().getYear(),
        p.code().length() > 5 ? p.code().substring(6) : "",
        f.date(p.start()),
        f.date(p.end()));
  }

  /** Action cards by status, across the axes given (a card's roll-up is its status). */
  private List<ReportModel.StatusCount> actionCounts(List<Publication.Level> axes) {
    var counts = new java.util.EnumMap<ProgressStatus, Integer>(ProgressStatus.class);
    for (ProgressStatus s : ProgressStatus.values()) {
      counts.put(s, 0);
    }
    for (Publication.Level axis : axes) {
      axis.progress().children().forEach((s, c) -> counts.merge(s, c, Integer::sum));
    }
    return counts(counts);
  }

  private List<ReportModel.StatusCount> counts(Map<ProgressStatus, Integer> counts) {
    List<ReportModel.StatusCount> out = new ArrayList<>();
    for (ProgressStatus s : ProgressStatus.values()) {
      out.add(new ReportModel.StatusCount(s.name(), f.status(s), counts.getOrDefault(s, 0)));
    }
    return out;
  }

  ReportModel.Row row(IndicatorDoc doc, CellProgress p) {
    IndicatorKind k = doc.kind();
    Double baseline = p.baseline() == null ? null : p.baseline().value();
    Double latest = p.latest() == null ? null : p.latest().value();
    Double change = baseline == null || latest == null ? null : latest - baseline;
    return new ReportModel.Row(
        doc.code(),
        doc.name(),
        doc.unit(),
        f.value(k, baseline),
        f.value(k, latest),
        p.latest() == null ? "" : f.period(doc.frequency(), p.latest().date()),
        f.change(k, change),
        p.target() == null ? "" : f.value(k, p.target().value()),
        f.value(k, p.expectedValue()),
        f.percent(RollUps.clamped(p.achievement())),
        p.status().name(),
        f.status(p.status()));
  }

  private ReportModel.AxisSection axis(Publication.Level axis, int n) {
    List<ReportFacts.IndicatorFacts> mine =
        facts.indicators().stream().filter(i -> i.axis().equals(axis.code())).toList();
    List<ReportModel.Card> cards = new ArrayList<>();
    for (Publication.Level card : axis.children()) {
      RollUp r = card.progress();
      List<ReportModel.Row> rows =
          mine.stream()
              .filter(i -> i.card().equals(card.code()))
              .map(i -> row(i.doc(), i.total().progress()))
              .toList();
      cards.add(
          new ReportModel.Card(
              card.code(),
              card.name(),
              r.status().name(),
              f.status(r.status()),
              f.percent(r.achievement()),
              rows));
    }
    List<ReportModel.Chart> drawn = new ArrayList<>();
    addIfAny(drawn, charts.progress(axis.name(), mine));
    addIfAny(drawn, charts.trends(axis.name(), mine));
    RollUp r = axis.progress();
    return new ReportModel.AxisSection(
        axis.code(),
        "eje-" + n,
        axis.name(),
        r.status().name(),
        f.status(r.status()),
        f.percent(r.achievement()),
        counts(r.children()),
        cards,
        drawn,
        new Breakdowns(facts, f, charts).of(mine));
  }

  static <T> void addIfAny(List<T> list, T item) {
    if (item != null) {
      list.add(item);
    }
  }
}
