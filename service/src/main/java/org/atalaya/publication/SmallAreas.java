package org.atalaya.publication;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * A rate by corregimiento as it may be shown (docs/publication.md, "Small areas"): for one period —
 * the district's latest up to the cut-off — each place's crude rate with its exact Poisson interval
 * ({@link PoissonLimits}), a small-numbers flag (fewer than {@code small-area-events} events, or a
 * coefficient of variation above {@code small-area-max-cv}) and Marshall's smoothed rate ({@link
 * Marshall}) beside it. Marks come from {@link Publication#series}, so a place reads here what its
 * own page reads.
 */
@Singleton
public class SmallAreas {
  private final Publication publication;
  private final MeasurementQueries measurements;
  private final TerritoryService territories;
  private final org.atalaya.indicator.IndicatorService indicators;
  private final int minEvents;
  private final double maxCv;
  private final double level;

  SmallAreas(
      Publication publication,
      MeasurementQueries measurements,
      TerritoryService territories,
      org.atalaya.indicator.IndicatorService indicators,
      @Value("${atalaya.publication.small-area-events:20}") int minEvents,
      @Value("${atalaya.publication.small-area-max-cv:0.3}") double maxCv,
      @Value("${atalaya.publication.interval-level:0.95}") double level) {
    this.publication = publication;
    this.measurements = measurements;
    this.territories = territories;
    this.indicators = indicators;
    this.minEvents = minEvents;
    this.maxCv = maxCv;
    this.level = level;
  }

  /** One place's rate; numbers only when its mark carries one and its events are known. */
  @io.micronaut.serde.annotation.Serdeable
  public record Row(
      String territory,
      String name,
      Mark mark,
      @Nullable Long events,
      @Nullable Double population,
      @Nullable Double crude,
      @Nullable Double lower,
      @Nullable Double upper,
      @Nullable Double smoothed,
      boolean smallNumbers) {}

  /** The places of one period; {@code level} the interval's confidence (0.95). */
  @io.micronaut.serde.annotation.Serdeable
  public record Table(
      String indicator,
      @Nullable LocalDate period,
      @Nullable String periodLabel,
      double level,
      int minEvents,
      double maxCv,
      List<Row> rows) {}

  /** Null unless the indicator is a rate per population broken down by territory. */
  public @Nullable Table of(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, Audience audience)
      throws SQLException {
    IndicatorDoc doc = indicators.get(code);
    if (doc.kind() != IndicatorKind.RATE
        || doc.rateBase() == null
        || !doc.disaggregations().territory()) {
      return null;
    }
    Publication.Cell whole = publication.cell(code, asOf, sex, territory, audience);
    Territory parent = territories.require(whole.territory());
    LocalDate period = whole.period();
    List<Territory> places =
        territories.all().stream().filter(t -> parent.id().equals(t.parentId())).toList();
    List<Row> rows = new ArrayList<>();
    List<Marshall.Area> areas = new ArrayList<>();
    List<Integer> smoothable = new ArrayList<>();
    for (Territory place : places) {
      Row row = row(doc, place, period, asOf, sex, audience);
      if (row.events() != null) {
        smoothable.add(rows.size());
        areas.add(new Marshall.Area(row.events(), row.population()));
      }
      rows.add(row);
    }
    List<Double> smooth = Marshall.smooth(areas);
    for (int i = 0; i < smoothable.size(); i++) {
      Row r = rows.get(smoothable.get(i));
      rows.set(
          smoothable.get(i),
          new Row(
              r.territory(),
              r.name(),
              r.mark(),
              r.events(),
              r.population(),
              r.crude(),
              r.lower(),
              r.upper(),
              smooth.get(i) * doc.rateBase(),
              r.smallNumbers()));
    }
    return new Table(
        code,
        period,
        period == null ? null : doc.frequency().label(period),
        level,
        minEvents,
        maxCv,
        rows);
  }

  private Row row(
      IndicatorDoc doc,
      Territory place,
      @Nullable LocalDate period,
      LocalDate asOf,
      Sex sex,
      Audience audience)
      throws SQLException {
    Mark mark =
        period == null
            ? Mark.NO_DATA
            : publication.series(doc.code(), sex, place.code(), asOf, audience).stream()
                .filter(f -> f.start().equals(period))
                .map(Figure::mark)
                .findFirst()
                .orElse(Mark.NO_DATA);
    MeasurementQueries.Point point =
        mark.hasValue()
            ? measurements
                .series(doc.code(), sex, place.code(), null, period, period)
                .points()
                .stream()
                .filter(p -> p.start().equals(period))
                .findFirst()
                .orElse(null)
            : null;
    if (point == null
        || point.numerator() == null
        || point.denominator() == null
        || point.denominator().signum() <= 0) {
      // A rate stored without its events and population: shown as it is, with no interval.
      Double crude = point == null || point.value() == null ? null : point.value().doubleValue();
      Mark shown = mark.hasValue() && crude == null ? Mark.NO_DATA : mark;
      return new Row(place.code(), place.name(), shown, null, null, crude, null, null, null, false);
    }
    long events = Math.round(point.numerator().doubleValue());
    double people = point.denominator().doubleValue();
    double base = doc.rateBase();
    PoissonLimits.Interval limits = PoissonLimits.of(events, level).perPopulation(people, base);
    return new Row(
        place.code(),
        place.name(),
        mark,
        events,
        people,
        events / people * base,
        limits.lower(),
        limits.upper(),
        null,
        events < minEvents || PoissonLimits.cv(events) > maxCv);
  }
}
