package org.atalaya.web.plan;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.hotspot.HotSpots;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Publication.Cell;
import org.atalaya.publication.Publication.Level;
import org.atalaya.risk.RiskMap;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Filters;
import org.atalaya.web.NumberText;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.execution.ExecutionView;
import org.atalaya.web.indicator.HotSpotSection;
import org.atalaya.web.indicator.IndicatorView;

/** The plan's texts (from its document) joined with its progress (from the progress engine). */
@Singleton
class PlanViews {
  private final org.atalaya.territory.TerritoryService territories;
  private final HotSpots hotSpots;
  private final RiskMap riskMap;

  PlanViews(
      org.atalaya.territory.TerritoryService territories, HotSpots hotSpots, RiskMap riskMap) {
    this.territories = territories;
    this.hotSpots = hotSpots;
    this.riskMap = riskMap;
  }

  public record PlanView(
      String code,
      String name,
      String status,
      String period,
      String asOf,
      String query,
      @Nullable String axis,
      IndicatorView.FilterForm filters,
      ProgressStatus overall,
      List<AxisRow> axes,
      List<ProjectRow> projects,
      List<IndicatorView.Option> places,
      String placeQuery,
      @Nullable ChartBlock panels,
      @Nullable String notice,
      List<HotSpotSection> hotSpots,
      boolean riskMap,
      boolean preview,
      @Nullable ChartBlock map) {
    /** The same view bannered as staff's preview of what the public will read. */
    public PlanView asPreview() {
      return new PlanView(
          code,
          name,
          status,
          period,
          asOf,
          query,
          axis,
          filters,
          overall,
          axes,
          projects,
          places,
          placeQuery,
          panels,
          notice,
          hotSpots,
          riskMap,
          true,
          map);
    }

    /** The same page with the headline indicator's map. */
    public PlanView withMap(@Nullable ChartBlock map) {
      return new PlanView(
          code,
          name,
          status,
          period,
          asOf,
          query,
          axis,
          filters,
          overall,
          axes,
          projects,
          places,
          placeQuery,
          panels,
          notice,
          hotSpots,
          riskMap,
          preview,
          map);
    }
  }

  public record AxisRow(
      String code, String name, ProgressStatus status, String achievement, List<CardRow> cards) {}

  /** A priority project under the plan (or its axis), with its own page. */
  public record ProjectRow(String code, String name, String period) {}

  public record CardRow(
      String code, String title, ProgressStatus status, String achievement, int indicators) {}

  public record CardView(
      String plan,
      String planName,
      String axis,
      String axisName,
      ActionCardDoc card,
      String query,
      IndicatorView.FilterForm filters,
      ProgressStatus status,
      List<IndicatorRow> indicators,
      @Nullable String budget,
      @Nullable String schedule,
      @Nullable String notice,
      @Nullable ExecutionView execution,
      String lead,
      List<String> partners) {}

  /**
   * An institution as people read it, "Name (ACRONYM)", from the plan's own list; its code when the
   * plan does not list it.
   */
  static String institution(PlanDocument doc, String code) {
    return doc.institutions().stream()
        .filter(i -> i.code().equals(code))
        .map(i -> i.acronym() == null ? i.name() : i.name() + " (" + i.acronym() + ")")
        .findFirst()
        .orElse(code);
  }

  /** An indicator's line on its card: latest value and target already in words, with units. */
  public record IndicatorRow(
      String code,
      String name,
      String unit,
      ProgressStatus status,
      @Nullable String statusNote,
      String latest,
      String target) {}

  PlanView plan(
      PlanDocument doc,
      Level level,
      Filters f,
      Locale locale,
      @Nullable String only,
      @Nullable ChartBlock panels,
      @Nullable String notice,
      Audience audience)
      throws SQLException {
    Map<String, Level> byCode = index(level);
    List<AxisRow> axes = new ArrayList<>();
    for (AxisDoc a : doc.axes()) {
      if (only != null && !only.equals(a.code())) {
        continue;
      }
      Level al = byCode.get(a.code());
      List<CardRow> cards = new ArrayList<>();
      for (ActionCardDoc c : a.actionCards()) {
        Level cl = index(al).get(c.code());
        cards.add(
            new CardRow(
                c.code(),
                c.title(),
                status(cl),
                achievement(cl, locale),
                cl == null ? 0 : cl.indicators().size()));
      }
      axes.add(new AxisRow(a.code(), a.name(), status(al), achievement(al, locale), cards));
    }
    var h = doc.plan();
    return new PlanView(
        h.code(),
        h.name(),
        String.valueOf(h.status()),
        NumberText.date(h.periodStart(), locale) + " – " + NumberText.date(h.periodEnd(), locale),
        NumberText.date(f.asOf(), locale),
        f.query(),
        only,
        form(f),
        level.progress().status(),
        axes,
        doc.projects().stream()
            .filter(p -> only == null || only.equals(p.axis()))
            .map(
                p ->
                    new ProjectRow(
                        p.code(),
                        p.name(),
                        NumberText.date(p.start(), locale)
                            + " – "
                            + NumberText.date(p.end(), locale)))
            .toList(),
        places(h.territory()),
        "?" + Filters.AS_OF + "=" + f.asOf() + "&" + Filters.SEX + "=" + f.sex().name(),
        panels,
        notice,
        hotSpots(level, only, f, audience, locale),
        riskMap.hasReports(),
        false,
        null);
  }

  /** The plan's (or one axis's) indicators that have persistent hot spots, each with its list. */
  private List<HotSpotSection> hotSpots(
      Level level, @Nullable String only, Filters f, Audience audience, Locale locale)
      throws SQLException {
    List<String> codes = new ArrayList<>();
    for (Level axis : level.children()) {
      if (only == null || only.equals(axis.code())) {
        indicatorCodes(level, axis.code()).stream()
            .filter(c -> !codes.contains(c))
            .forEach(codes::add);
      }
    }
    List<HotSpotSection> out = new ArrayList<>();
    for (String code : codes) {
      HotSpotSection s = HotSpotSection.of(hotSpots.of(code, f.asOf(), f.sex(), audience), locale);
      if (s != null && !s.rows().isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The indicators of one axis, as the progress engine lists them under its cards. */
  static List<String> indicatorCodes(Level level, String axis) {
    Level a = index(level).get(axis);
    List<String> codes = new ArrayList<>();
    if (a != null) {
      for (Level card : a.children()) {
        for (Cell i : card.indicators()) {
          if (!codes.contains(i.code())) {
            codes.add(i.code());
          }
        }
      }
    }
    return codes;
  }

  /** The places directly under the plan's territory, each with its own page. */
  private List<IndicatorView.Option> places(String territory) {
    var parent = territories.find(territory).orElse(null);
    if (parent == null) {
      return List.of();
    }
    return territories.all().stream()
        .filter(t -> parent.id().equals(t.parentId()))
        .map(t -> new IndicatorView.Option(t.code(), t.name()))
        .toList();
  }

  CardView card(
      PlanDocument doc,
      Level level,
      String code,
      Filters f,
      Locale locale,
      @Nullable String notice,
      @Nullable ExecutionView execution) {
    for (AxisDoc a : doc.axes()) {
      for (ActionCardDoc c : a.actionCards()) {
        if (c.code().equals(code)) {
          Level cl = index(index(level).get(a.code())).get(code);
          List<IndicatorRow> rows = new ArrayList<>();
          if (cl != null) {
            for (Cell i : cl.indicators()) {
              rows.add(
                  new IndicatorRow(
                      i.code(),
                      i.name(),
                      i.unit(),
                      i.progress().status(),
                      i.statusNote(locale),
                      i.latestText(locale),
                      i.targetText(locale)));
            }
          }
          String budget =
              c.budget() == null
                  ? null
                  : NumberText.number(c.budget().amount().doubleValue(), 2, locale)
                      + " "
                      + c.budget().currency();
          return new CardView(
              doc.plan().code(),
              doc.plan().name(),
              a.code(),
              a.name(),
              c,
              f.query(),
              form(f),
              status(cl),
              rows,
              budget,
              c.schedule() == null
                  ? null
                  : NumberText.date(c.schedule().start(), locale)
                      + " – "
                      + NumberText.date(c.schedule().end(), locale),
              notice,
              execution,
              institution(doc, c.leadInstitution()),
              c.partners() == null
                  ? List.of()
                  : c.partners().stream().map(x -> institution(doc, x)).toList());
        }
      }
    }
    throw ApiException.notFound("action", code);
  }

  private IndicatorView.FilterForm form(Filters f) {
    return new IndicatorView.FilterForm(
        f.asOf().toString(),
        f.sex().name(),
        f.territory() == null ? "" : f.territory(),
        territories.all().stream().map(t -> new IndicatorView.Option(t.code(), t.name())).toList());
  }

  private static Map<String, Level> index(@Nullable Level level) {
    return level == null
        ? Map.of()
        : level.children().stream()
            .collect(Collectors.toMap(Level::code, Function.identity(), (x, y) -> x));
  }

  private static ProgressStatus status(@Nullable Level l) {
    return l == null ? ProgressStatus.NO_DATA : l.progress().status();
  }

  private static String achievement(@Nullable Level l, Locale locale) {
    return l == null ? "—" : NumberText.percent(l.progress().achievement(), locale);
  }
}
