package org.atalaya.chart;

import java.util.ArrayList;
import java.util.List;

/** Alt text and tables of the progress, estimate and small-multiple charts. */
final class ProgressDescriber {
  private ProgressDescriber() {}

  static ChartDescription bullet(BulletChart spec, Formats f) {
    List<String> parts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (BulletChart.Row r : spec.rows()) {
      String status = f.text(StatusStyle.of(r.status()).labelKey());
      StringBuilder part = new StringBuilder(r.label()).append(": ");
      part.append(r.value() == null ? status : f.number(r.value()));
      if (r.expected() != null) {
        part.append(", ").append(f.text("chart.alt.expected", f.number(r.expected())));
      }
      if (r.target() != null) {
        part.append(", ").append(f.text("chart.alt.targetShort", f.number(r.target())));
      }
      if (r.value() != null) {
        part.append(" (").append(status).append(')');
      }
      parts.add(part.toString());
      rows.add(
          List.of(
              r.label(),
              f.number(r.value()),
              f.number(r.expected()),
              f.number(r.target()),
              status));
    }
    String alt =
        f.text("chart.alt.list", spec.meta().title(), spec.meta().unit(), String.join("; ", parts));
    List<String> header =
        List.of(
            f.text("chart.col.indicator"),
            f.text("chart.col.value"),
            f.text("chart.expected"),
            f.text("chart.target"),
            f.text("chart.col.status"));
    return new ChartDescription(alt, header, rows);
  }

  static ChartDescription estimates(EstimateChart spec, Formats f) {
    List<String> parts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (EstimateChart.Estimate e : spec.estimates()) {
      String reliability = f.text("chart.reliability." + e.reliability().name());
      String who = e.group() + ", " + e.subgroup();
      parts.add(
          e.value() == null
              ? who + ": " + f.text("chart.suppressed")
              : who
                  + ": "
                  + f.text(
                      "chart.alt.interval",
                      f.number(e.value()),
                      f.number(e.lower()),
                      f.number(e.upper()))
                  + (e.reliability() == ReliabilityMark.LOW_PRECISION ? ", " + reliability : ""));
      rows.add(
          List.of(
              e.group(),
              e.subgroup(),
              e.value() == null ? f.text("chart.suppressed") : f.number(e.value()),
              f.number(e.lower()),
              f.number(e.upper()),
              reliability));
    }
    String alt =
        f.text(
            "chart.alt.estimates",
            spec.meta().title(),
            spec.meta().unit(),
            f.percent(spec.level()),
            String.join("; ", parts));
    List<String> header =
        List.of(
            f.text("chart.col.group"),
            f.text("chart.col.subgroup"),
            f.text("chart.col.estimate"),
            f.text("chart.col.lower"),
            f.text("chart.col.upper"),
            f.text("chart.col.reliability"));
    return new ChartDescription(alt, header, rows);
  }

  static ChartDescription panels(SmallMultiplesChart spec, Formats grid) {
    List<String> parts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (SmallMultiplesChart.Panel p : spec.panels()) {
      Formats f = new Formats(grid.locale, p.numbers(), grid.words);
      String status = p.note() != null ? p.note() : f.text(StatusStyle.of(p.status()).labelKey());
      boolean yearly = Formats.yearly(p.values());
      ChartPoint last = p.values().isEmpty() ? null : p.values().get(p.values().size() - 1);
      if (p.withheld() != null) {
        String word = f.text("chart.suppressed");
        parts.add(p.title() + ": " + word + " (" + f.period(p.withheld(), yearly) + ")");
        rows.add(
            List.of(
                p.title(),
                p.unit(),
                f.period(p.withheld(), yearly),
                word,
                p.target().isEmpty() ? "" : f.number(p.target().get(p.target().size() - 1).value()),
                status));
        continue;
      }
      ChartPoint target = p.target().isEmpty() ? null : p.target().get(p.target().size() - 1);
      StringBuilder part = new StringBuilder(p.title()).append(": ");
      part.append(
          last == null
              ? status
              : f.number(last.value()) + " (" + f.period(last.period(), yearly) + ")");
      if (target != null) {
        part.append(", ").append(f.text("chart.alt.targetShort", f.number(target.value())));
      }
      if (last != null) {
        part.append(", ").append(status);
      }
      parts.add(part.toString());
      rows.add(
          List.of(
              p.title(),
              p.unit(),
              last == null ? "" : f.period(last.period(), yearly),
              last == null ? "" : f.number(last.value()),
              target == null ? "" : f.number(target.value()),
              status));
    }
    String alt =
        grid.text(
            "chart.alt.panels",
            spec.meta().title(),
            spec.panels().size(),
            String.join("; ", parts));
    List<String> header =
        List.of(
            grid.text("chart.col.indicator"),
            grid.text("chart.col.unit"),
            grid.text("chart.col.period"),
            grid.text("chart.col.value"),
            grid.text("chart.target"),
            grid.text("chart.col.status"));
    return new ChartDescription(alt, header, rows);
  }
}
