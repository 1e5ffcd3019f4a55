package org.atalaya.publication;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.ObservedSeries;
import org.atalaya.progress.Point;
import org.atalaya.progress.ProgressFacade;
import org.atalaya.progress.RollUp;
import org.atalaya.progress.RollUps;
import org.atalaya.shared.DataVersion;
import org.atalaya.shared.PerVersion;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;

/**
 * The one place that says what figure a person may read (DESIGN: Publication): pages, chart images
 * and their tables, the anonymous API, the report and the open data all take their figures from
 * here. Given a cell (indicator × sex × territory), a cut-off date and an audience, it answers the
 * values by the indicator's accumulation and the progress, each with its {@link Mark}: the public
 * sees validated figures only (unless {@code atalaya.publication.show-provisional}), small counts
 * below the district total are withheld with their complements ({@link Disclosure}) — a count's
 * value, a rate's events — and a rate from too few events in a subgroup carries the small-numbers
 * flag ({@link SmallNumbers}) instead of a confident status.
 */
@Singleton
public class Publication {
  private final ProgressFacade progress;
  private final MeasurementQueries measurements;
  private final IndicatorService indicators;
  private final SmallCounts smallCounts;
  private final boolean showProvisional;
  private final SmallNumbers smallNumbers;

  private record PlanKey(
      String plan, LocalDate asOf, Sex sex, @Nullable String territory, Audience audience) {}

  private final PerVersion<PlanKey, Level> plans;

  Publication(
      ProgressFacade progress,
      MeasurementQueries measurements,
      IndicatorService indicators,
      DataVersion versions,
      SmallCounts smallCounts,
      SmallNumbers smallNumbers,
      @Value("${atalaya.publication.show-provisional:false}") boolean showProvisional) {
    this.progress = progress;
    this.measurements = measurements;
    this.indicators = indicators;
    this.plans = new PerVersion<>(versions, ProgressFacade.MAX_PLANS);
    this.smallCounts = smallCounts;
    this.showProvisional = showProvisional;
    this.smallNumbers = smallNumbers;
  }

  /**
   * One indicator cell as it may be shown, with the progress the engine gives for it ({@code
   * period}: the first day of its latest period, withheld or not).
   */
  public record Cell(
      String code,
      String name,
      IndicatorKind kind,
      String unit,
      Sex sex,
      String territory,
      String source,
      CellProgress progress,
      @Nullable LocalDate period,
      Mark mark,
      boolean derivedTarget,
      boolean smallNumbers,
      @Nullable LocalDate baselineAfterAsOf) {
    /**
     * What replaces the status when there is none to give with confidence: a withheld figure (never
     * "sin datos": its data arrived), a handful of cases, a target derived from a withheld baseline
     * or a cut-off before the cell's baseline; null when the status stands.
     */
    public @Nullable String statusNote(java.util.Locale locale) {
      if (baselineAfterAsOf != null) {
        return org.atalaya.shared.Messages.format(
            locale, "publication.beforeBaseline", baselineAfterAsOf);
      }
      if (mark == Mark.WITHHELD) {
        return org.atalaya.shared.Messages.format(locale, "publication.withheldStatus");
      }
      if (derivedTarget && progress.target() == null) {
        return org.atalaya.shared.Messages.format(locale, "publication.derivedTargetWithheld");
      }
      return smallNumbers
          ? org.atalaya.shared.Messages.format(locale, "publication.smallNumbers")
          : null;
    }

    /**
     * The latest value in words: "12 armas", "12 armas (provisional)", "suprimido", "sin datos".
     */
    public String latestText(java.util.Locale locale) {
      return FigureText.withUnit(mark, latestValue(), kind, unit, locale);
    }

    /** The target in words, marked when it is derived from the total's. */
    public String targetText(java.util.Locale locale) {
      if (progress.target() == null) {
        return "—";
      }
      String text = FigureText.withUnit(Mark.SHOWN, progress.target().value(), kind, unit, locale);
      return derivedTarget
          ? text
              + " ("
              + org.atalaya.shared.Messages.format(locale, "publication.derivedTarget")
              + ")"
          : text;
    }

    /** The latest value as it may be shown, or null. */
    public @Nullable Double latestValue() {
      return mark.hasValue() && progress.latest() != null ? progress.latest().value() : null;
    }
  }

  /** A plan, axis or action card with its roll-up; a card's children are its indicators. */
  public record Level(
      String level,
      String code,
      String name,
      RollUp progress,
      List<Level> children,
      List<Cell> indicators) {}

  public int smallCountThreshold() {
    return smallCounts.threshold();
  }

  /** The one rule of "pocos casos": a rate from too few events, or too variable, to be judged. */
  public SmallNumbers smallNumbers() {
    return smallNumbers;
  }

  /**
   * The parts of a total that are withheld when each part is a count of reports that could point at
   * a person (places women reported unsafe, by corregimiento or by kind): the same small-count rule
   * and complements as indicator cells ({@link Disclosure}); the total itself is always shown.
   */
  public Set<String> withheldParts(Map<String, Long> parts) {
    return smallCounts.withheldParts(parts);
  }

  /** Whether the public also reads provisional figures, marked. */
  public boolean showsProvisionalToPublic() {
    return showProvisional;
  }

  /** Whether this audience reads figures not yet validated. */
  public boolean provisional(Audience audience) {
    return audience == Audience.STAFF || showProvisional;
  }

  /** A whole plan's progress as this audience may read it. */
  public Level plan(
      String plan, LocalDate asOf, Sex sex, @Nullable String territory, Audience audience)
      throws SQLException {
    // Kept until the data changes, as the progress underneath is; never inside a transaction,
    // which may see writes nobody else sees yet.
    if (progress.inTransaction()) {
      return level(
          progress.plan(plan, asOf, sex, territory, provisional(audience)), asOf, audience);
    }
    return plans.get(
        new PlanKey(plan, asOf, sex, territory, audience),
        () ->
            level(
                progress.plan(plan, asOf, sex, territory, provisional(audience)), asOf, audience));
  }

  public Cell cell(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, Audience audience)
      throws SQLException {
    return cell(
        progress.indicator(code, asOf, sex, territory, provisional(audience)), asOf, audience);
  }

  /**
   * The cell's values up to the cut-off, oldest first, by the indicator's accumulation: running
   * totals from the baseline for a cumulative indicator, as its progress reads them.
   */
  public List<Figure> series(
      String code, Sex sex, @Nullable String territory, LocalDate asOf, Audience audience)
      throws SQLException {
    IndicatorDoc doc = indicators.get(code);
    boolean provisional = provisional(audience);
    var view = measurements.series(code, sex, territory, null, null, asOf);
    Set<Disclosure.Key> hidden =
        smallCounts.guarded(doc.kind(), sex, view.territory())
            ? smallCounts.withheld(code, asOf, provisional)
            : Set.of();
    return figures(doc, sex, territory, view, asOf, provisional, hidden);
  }

  /** One place's figures, as {@link #series} gives them for that place alone. */
  public record PlaceFigures(String territory, String name, List<Figure> figures) {}

  /**
   * {@link #series} for every place directly under {@code parent} (a district's corregimientos;
   * null: the indicator's district), in the order of {@link TerritoryService#all}: the same figures
   * and marks as one call per place, read in a fixed number of queries whatever their number.
   */
  public List<PlaceFigures> seriesOfPlaces(
      String code, Sex sex, @Nullable String parent, LocalDate asOf, Audience audience)
      throws SQLException {
    return seriesOfPlaces(indicators.get(code), sex, parent, asOf, audience);
  }

  /** {@link #seriesOfPlaces(String, Sex, String, LocalDate, Audience)} for a doc already read. */
  public List<PlaceFigures> seriesOfPlaces(
      IndicatorDoc doc, Sex sex, @Nullable String parent, LocalDate asOf, Audience audience)
      throws SQLException {
    return placeSeries(doc, sex, parent, asOf, audience).stream()
        .map(p -> new PlaceFigures(p.place().code(), p.place().name(), p.figures()))
        .toList();
  }

  /** A place's figures with the series they were read from (its events and population). */
  record PlaceSeries(Territory place, List<Figure> figures, MeasurementQueries.SeriesView view) {}

  List<PlaceSeries> placeSeries(
      IndicatorDoc doc, Sex sex, @Nullable String parent, LocalDate asOf, Audience audience)
      throws SQLException {
    String code = doc.code();
    boolean provisional = provisional(audience);
    Set<Disclosure.Key> withheld = null;
    List<PlaceSeries> out = new ArrayList<>();
    for (MeasurementQueries.PlaceView placed :
        measurements.seriesOfPlaces(code, sex, parent, null, asOf)) {
      Territory place = placed.place();
      Set<Disclosure.Key> hidden = Set.of();
      if (smallCounts.guarded(doc.kind(), sex, place.level() == TerritoryLevel.DISTRICT)) {
        if (withheld == null) {
          withheld = smallCounts.withheld(code, asOf, provisional);
        }
        hidden = withheld;
      }
      var view = placed.view();
      out.add(
          new PlaceSeries(
              place, figures(doc, sex, place.code(), view, asOf, provisional, hidden), view));
    }
    return out;
  }

  /**
   * The one rule from a series to its figures, for one place or many: what this audience may read
   * ({@code provisional}), running totals for a cumulative indicator, the small counts the rule
   * withholds ({@code hidden}, empty where the rule does not guard the cell).
   */
  private List<Figure> figures(
      IndicatorDoc doc,
      Sex sex,
      @Nullable String territory,
      MeasurementQueries.SeriesView view,
      LocalDate asOf,
      boolean provisional,
      Set<Disclosure.Key> hidden)
      throws SQLException {
    List<MeasurementQueries.Point> points =
        view.points().stream()
            .filter(p -> p.value() != null && (provisional || p.validated()))
            .toList();
    Map<LocalDate, MeasurementQueries.Point> byStart = new HashMap<>();
    points.forEach(p -> byStart.put(p.start(), p));
    List<Point> values =
        points.stream().map(p -> new Point(p.start(), p.value().doubleValue())).toList();
    if (doc.accumulation() == Accumulation.CUMULATIVE) {
      CellProgress p = progress.indicator(doc.code(), asOf, sex, territory, provisional).progress();
      values = ObservedSeries.of(Accumulation.CUMULATIVE, p.baseline(), values, asOf);
    }
    List<Figure> figures = new ArrayList<>();
    for (Point v : values) {
      MeasurementQueries.Point p = byStart.get(v.date());
      String period = doc.frequency().label(v.date());
      if (hidden.contains(new Disclosure.Key(v.date(), sex.name(), view.territory()))) {
        figures.add(new Figure(v.date(), period, null, Mark.WITHHELD));
      } else {
        Mark mark = p != null && !p.validated() ? Mark.PROVISIONAL : Mark.SHOWN;
        figures.add(new Figure(v.date(), period, v.value(), mark));
      }
    }
    return figures;
  }

  private Level level(ProgressFacade.Level l, LocalDate asOf, Audience audience)
      throws SQLException {
    List<Level> children = new ArrayList<>();
    for (ProgressFacade.Level c : l.children()) {
      children.add(level(c, asOf, audience));
    }
    List<Cell> cells = new ArrayList<>();
    for (ProgressFacade.IndicatorCell c : l.indicators()) {
      cells.add(cell(c, asOf, audience));
    }
    RollUp rollUp =
        switch (l.level()) {
          case "action" -> RollUps.card(cells.stream().map(WithheldProgress::judged).toList());
          case "axis" -> RollUps.axis(children.stream().map(Level::progress).toList());
          default -> RollUps.plan(children.stream().map(Level::progress).toList());
        };
    return new Level(l.level(), l.code(), l.name(), rollUp, children, cells);
  }

  private Cell cell(ProgressFacade.IndicatorCell c, LocalDate asOf, Audience audience)
      throws SQLException {
    CellProgress p = c.progress();
    LocalDate period = p.latest() == null ? null : p.latest().date();
    boolean subgroup = c.sex() != Sex._T || !c.wholeDistrict();
    IndicatorKind kind = c.kind();
    Set<Disclosure.Key> hidden =
        SmallCounts.counted(kind) && subgroup
            ? smallCounts.withheld(c.code(), asOf, provisional(audience))
            : Set.of();
    Mark mark;
    if (p.latest() == null) {
      mark = Mark.NO_DATA;
    } else if (hidden.contains(
        new Disclosure.Key(p.latest().date(), c.sex().name(), c.territory()))) {
      mark = Mark.WITHHELD;
      p = WithheldProgress.of(p);
    } else {
      mark = c.latestProvisional() ? Mark.PROVISIONAL : Mark.SHOWN;
    }
    if (c.derivedTarget()
        && p.baseline() != null
        && hidden.contains(
            new Disclosure.Key(p.baseline().date(), c.sex().name(), c.territory()))) {
      // A derived target is the cell's own baseline moved as the total's: shown, it would give
      // the withheld baseline back (and with it the change and the achievement).
      p = WithheldProgress.withoutBaseline(p);
    }
    boolean smallNumbers =
        subgroup
            && mark.hasValue()
            && kind == IndicatorKind.RATE
            && c.latestNumerator() != null
            && this.smallNumbers.few(c.latestNumerator());
    return new Cell(
        c.code(),
        c.name(),
        kind,
        c.unit(),
        c.sex(),
        c.territory(),
        c.source(),
        p,
        period,
        mark,
        c.derivedTarget(),
        smallNumbers,
        c.baselineAfterAsOf());
  }
}
