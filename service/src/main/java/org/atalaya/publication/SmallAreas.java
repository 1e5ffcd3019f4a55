package org.atalaya.publication;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.shared.DataVersion;
import org.atalaya.shared.PerVersion;
import org.atalaya.territory.Territory;

/**
 * A rate by corregimiento as it may be shown (docs/publication.md, "Small areas"): for one period —
 * the district's latest up to the cut-off — each place's crude rate with its exact Poisson interval
 * ({@link PoissonLimits}), the small-numbers flag ({@link SmallNumbers}, the same "pocos casos" as
 * a subgroup's status) and Marshall's smoothed rate ({@link Marshall}) beside it. Marks come from
 * {@link Publication#series}, whose small-count rule judges a rate by its events, so a place reads
 * here what its own page, the API, the open data and the report read. A table is kept until the
 * data changes: the plan page's map asks for it on every signed-in view, one series per place.
 */
@Singleton
public class SmallAreas {
  private final Publication publication;
  private final org.atalaya.indicator.IndicatorService indicators;
  private final SmallNumbers smallNumbers;
  private final double level;
  private final TransactionOperations<Connection> transactions;
  private final PerVersion<Key, Table> kept;

  /** Tables kept at most; beyond, the memory starts afresh. */
  static final int MAX_KEPT = 2_000;

  private record Key(
      String code,
      LocalDate asOf,
      Sex sex,
      @Nullable String territory,
      Audience audience,
      boolean withholdSmall) {}

  SmallAreas(
      Publication publication,
      org.atalaya.indicator.IndicatorService indicators,
      SmallNumbers smallNumbers,
      DataVersion versions,
      TransactionOperations<Connection> transactions,
      @Value("${atalaya.publication.interval-level:0.95}") double level) {
    this.kept = new PerVersion<>(versions, MAX_KEPT);
    this.transactions = transactions;
    this.publication = publication;
    this.indicators = indicators;
    this.smallNumbers = smallNumbers;
    this.level = level;
  }

  /**
   * One place's rate; numbers only when its mark carries one and its events are known. {@code
   * smallCount}: its events are a small count (or the complement of one) under the publication's
   * small-count rule — the public reads it withheld; a signed-in reader reads the numbers, told so.
   */
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
      boolean smallNumbers,
      boolean smallCount) {
    Row withSmoothed(@Nullable Double value) {
      return new Row(
          territory,
          name,
          mark,
          events,
          population,
          crude,
          lower,
          upper,
          value,
          smallNumbers,
          smallCount);
    }

    Row flagged() {
      return new Row(
          territory,
          name,
          mark,
          events,
          population,
          crude,
          lower,
          upper,
          smoothed,
          smallNumbers,
          true);
    }

    /** What the public reads of a small count: the place and its population, nothing else. */
    Row withheld() {
      return new Row(
          territory, name, Mark.WITHHELD, null, population, null, null, null, null, false, true);
    }
  }

  /**
   * The places of one period; {@code level} the interval's confidence (0.95); {@code minEvents} and
   * {@code maxCv} the "pocos casos" rule; {@code pooled} when the rates vary no more than chance
   * would make them (Marshall's between-area variance is zero), so that every smoothed rate is the
   * rate of all the places together.
   */
  @io.micronaut.serde.annotation.Serdeable
  public record Table(
      String indicator,
      @Nullable LocalDate period,
      @Nullable String periodLabel,
      double level,
      int minEvents,
      double maxCv,
      boolean pooled,
      List<Row> rows) {}

  /** Null unless the indicator is a rate per population broken down by territory. */
  public @Nullable Table of(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, Audience audience)
      throws SQLException {
    return of(code, asOf, sex, territory, audience, audience == Audience.PUBLIC);
  }

  /**
   * The table for a document everyone will read but a signed-in person prepares (the report's
   * draft): figures as {@code audience} reads them, small counts withheld when {@code
   * withholdSmall}.
   */
  public @Nullable Table of(
      String code,
      LocalDate asOf,
      Sex sex,
      @Nullable String territory,
      Audience audience,
      boolean withholdSmall)
      throws SQLException {
    if (transactions.findTransactionStatus().isPresent()) {
      return fresh(code, asOf, sex, territory, audience, withholdSmall); // sees its own writes
    }
    // Computed once per data version, however many pages ask at once after a change.
    return kept.get(
        new Key(code, asOf, sex, territory, audience, withholdSmall),
        () -> fresh(code, asOf, sex, territory, audience, withholdSmall));
  }

  private @Nullable Table fresh(
      String code,
      LocalDate asOf,
      Sex sex,
      @Nullable String territory,
      Audience audience,
      boolean withholdSmall)
      throws SQLException {
    IndicatorDoc doc = indicators.get(code);
    if (doc.kind() != IndicatorKind.RATE
        || doc.rateBase() == null
        || !doc.disaggregations().territory()) {
      return null;
    }
    Publication.Cell whole = publication.cell(code, asOf, sex, territory, audience);
    LocalDate period = whole.period();
    List<Row> rows = new ArrayList<>();
    // The places the publication rule withholds (a small count of events, or its complement):
    // the same set as each place's own page, the API and the open data read. Every place's series
    // in one read, the same figures as one read per place.
    Set<String> small = new TreeSet<>();
    for (Publication.PlaceSeries place :
        publication.placeSeries(doc, sex, whole.territory(), asOf, audience)) {
      rows.add(row(doc, place, period, small));
    }
    boolean hide = withholdSmall;
    Smoothed smooth = smoothed(rows, small, doc.rateBase(), hide);
    List<Row> shown = smooth.rows();
    for (int i = 0; i < shown.size(); i++) {
      Row r = shown.get(i);
      if (small.contains(r.territory())) {
        shown.set(i, hide ? r.withheld() : r.flagged());
      }
    }
    return new Table(
        code,
        period,
        period == null ? null : doc.frequency().label(period),
        level,
        smallNumbers.minEvents(),
        smallNumbers.maxCv(),
        smooth.pooled(),
        List.copyOf(shown));
  }

  private record Smoothed(List<Row> rows, boolean pooled) {}

  /**
   * Marshall's smoothed rates beside the crude ones. For the public, the withheld places enter as
   * one pooled area (their events together are the district's less those shown, which anyone can
   * compute) and get no smoothed rate: a smoothed rate beside its population and the shrinkage the
   * shown places reveal would give the events back, and so would the spread of rates if each
   * withheld place entered it alone.
   */
  private static Smoothed smoothed(List<Row> rows, Set<String> small, double base, boolean hide) {
    List<Marshall.Area> areas = new ArrayList<>();
    List<Integer> smoothable = new ArrayList<>();
    long pooledEvents = 0;
    double pooledPeople = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.events() == null) {
        continue;
      }
      if (hide && small.contains(r.territory())) {
        pooledEvents += r.events();
        pooledPeople += r.population();
      } else {
        smoothable.add(i);
        areas.add(new Marshall.Area(r.events(), r.population()));
      }
    }
    if (pooledPeople > 0) {
      areas.add(new Marshall.Area(pooledEvents, pooledPeople));
    }
    Marshall.Estimate estimate = Marshall.estimate(areas);
    List<Double> smooth = estimate.rates();
    List<Row> out = new ArrayList<>(rows);
    for (int i = 0; i < smoothable.size(); i++) {
      int at = smoothable.get(i);
      out.set(at, rows.get(at).withSmoothed(smooth.get(i) * base));
    }
    return new Smoothed(out, areas.size() > 1 && estimate.pooledOnly());
  }

  private Row row(
      IndicatorDoc doc,
      Publication.PlaceSeries series,
      @Nullable LocalDate period,
      Set<String> small) {
    Territory place = series.place();
    Mark mark =
        period == null
            ? Mark.NO_DATA
            : series.figures().stream()
                .filter(f -> f.start().equals(period))
                .map(Figure::mark)
                .findFirst()
                .orElse(Mark.NO_DATA);
    boolean withheld = mark == Mark.WITHHELD;
    MeasurementQueries.Point point =
        mark.hasValue() || withheld
            ? series.view().points().stream()
                .filter(p -> p.start().equals(period))
                .findFirst()
                .orElse(null)
            : null;
    if (withheld) {
      // Withheld by the small-count rule: the numbers underneath, for a signed-in reader told so;
      // the public reads none of them (Row#withheld).
      small.add(place.code());
      mark = point != null && !point.validated() ? Mark.PROVISIONAL : Mark.SHOWN;
    }
    if (point == null
        || point.numerator() == null
        || point.denominator() == null
        || point.denominator().signum() <= 0) {
      // A rate stored without its events and population: shown as it is, with no interval.
      Double crude = point == null || point.value() == null ? null : point.value().doubleValue();
      Mark shown = mark.hasValue() && crude == null ? Mark.NO_DATA : mark;
      return new Row(
          place.code(), place.name(), shown, null, null, crude, null, null, null, false, false);
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
        smallNumbers.few(events),
        false);
  }
}
