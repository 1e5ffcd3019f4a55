package org.atalaya.web.plan;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.LastUpdate;
import org.atalaya.plan.PlanService.PlanSummary;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Figure;
import org.atalaya.publication.Publication;
import org.atalaya.publication.Publication.Cell;
import org.atalaya.publication.Publication.Level;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Periods;
import org.atalaya.web.NumberText;

/**
 * The home page's summary of each plan, every figure and status taken from the publication layer
 * exactly as the plan, card and indicator pages take them: the status counts of the plan's
 * indicator cells, one bar per axis (its roll-up's achievement), and the headline indicators. The
 * observatory names its headlines in {@code atalaya.home.headline-indicators}; without that setting
 * each axis offers its first indicator.
 */
@Singleton
class HomeViews {
  private final Publication publication;
  private final IndicatorService indicators;
  private final LastUpdate lastUpdate;
  private final List<String> headlines;

  HomeViews(
      Publication publication,
      IndicatorService indicators,
      LastUpdate lastUpdate,
      @Value("${atalaya.home.headline-indicators:}") List<String> headlines) {
    this.publication = publication;
    this.indicators = indicators;
    this.lastUpdate = lastUpdate;
    this.headlines = headlines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public record PlanCard(
      String code,
      String name,
      String status,
      int startYear,
      int endYear,
      String asOf,
      String updated,
      ProgressStatus overall,
      List<StatusCount> counts,
      List<AxisBar> axes,
      List<Headline> headlines) {}

  public record StatusCount(ProgressStatus status, int count) {}

  /**
   * @param bar the achievement from 0 to 100 for the bar (clamped); the text says the real value
   */
  public record AxisBar(
      String code, String name, ProgressStatus status, String achievement, int bar) {}

  /**
   * @param trend UP, DOWN, FLAT or NONE (fewer than two figures to compare)
   * @param better whether the move goes the indicator's way (null: no move or no direction)
   */
  public record Headline(
      String code,
      String name,
      String latest,
      @Nullable String period,
      ProgressStatus status,
      @Nullable String statusNote,
      String trend,
      @Nullable String previousPeriod,
      @Nullable Boolean better) {}

  PlanCard card(PlanSummary plan, LocalDate asOf, Audience audience, Locale locale)
      throws SQLException {
    Level level = publication.plan(plan.code(), asOf, Sex._T, null, audience);
    List<StatusCount> counts = new ArrayList<>();
    level.progress().cells().forEach((s, n) -> counts.add(new StatusCount(s, n)));
    List<AxisBar> axes = new ArrayList<>();
    for (Level a : level.children()) {
      Double achievement = a.progress().achievement();
      int bar =
          achievement == null ? 0 : (int) Math.round(Math.max(0, Math.min(1, achievement)) * 100);
      axes.add(
          new AxisBar(
              a.code(),
              a.name(),
              a.progress().status(),
              NumberText.percent(achievement, locale),
              bar));
    }
    Map<String, Cell> cells = cells(level);
    List<Headline> lines = new ArrayList<>();
    for (String code : chosen(level, cells)) {
      lines.add(headline(cells.get(code), asOf, audience, locale));
    }
    var updated = lastUpdate.of(cells.keySet(), publication.provisional(audience));
    return new PlanCard(
        plan.code(),
        plan.name(),
        plan.status().name(),
        plan.periodStart().getYear(),
        plan.periodEnd().getYear(),
        NumberText.date(asOf, locale),
        updated == null
            ? "—"
            : NumberText.date(LocalDateTime.ofInstant(updated, Dates.ZONE).toLocalDate(), locale),
        level.progress().status(),
        counts,
        axes,
        lines);
  }

  /** The configured headlines found in this plan, or the first indicator of each axis. */
  private List<String> chosen(Level plan, Map<String, Cell> cells) {
    if (!headlines.isEmpty()) {
      return headlines.stream().filter(cells::containsKey).toList();
    }
    Set<String> codes = new LinkedHashSet<>();
    for (Level axis : plan.children()) {
      axis.children().stream()
          .flatMap(card -> card.indicators().stream())
          .map(Cell::code)
          .filter(c -> !codes.contains(c))
          .findFirst()
          .ifPresent(codes::add);
    }
    return List.copyOf(codes);
  }

  private Headline headline(Cell cell, LocalDate asOf, Audience audience, Locale locale)
      throws SQLException {
    List<Figure> shown =
        publication.series(cell.code(), Sex._T, null, asOf, audience).stream()
            .filter(f -> f.mark().hasValue())
            .toList();
    String trend = "NONE";
    String previous = null;
    Boolean better = null;
    if (shown.size() >= 2 && cell.mark().hasValue()) {
      Figure last = shown.get(shown.size() - 1);
      Figure before = shown.get(shown.size() - 2);
      int sign = Double.compare(last.value(), before.value());
      trend = sign > 0 ? "UP" : sign < 0 ? "DOWN" : "FLAT";
      previous = Periods.text(before.period(), locale);
      Direction direction = indicators.get(cell.code()).direction();
      if (sign != 0 && direction != Direction.MAINTAIN) {
        better = (sign > 0) == (direction == Direction.INCREASE);
      }
    }
    String period =
        shown.isEmpty() || !cell.mark().hasValue()
            ? null
            : Periods.text(shown.get(shown.size() - 1).period(), locale);
    return new Headline(
        cell.code(),
        cell.name(),
        cell.latestText(locale),
        period,
        cell.progress().status(),
        cell.statusNote(locale),
        trend,
        previous,
        better);
  }

  /** Every indicator cell of the plan by code, the first card's where one is on two cards. */
  private static Map<String, Cell> cells(Level plan) {
    Map<String, Cell> out = new LinkedHashMap<>();
    for (Level axis : plan.children()) {
      for (Level card : axis.children()) {
        card.indicators().forEach(c -> out.putIfAbsent(c.code(), c));
      }
    }
    return out;
  }
}
