package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.IndicatorSource;
import org.atalaya.indicator.IndicatorSourceRepository;
import org.atalaya.indicator.Sex;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.PlainDecimals;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/** Reads of measurements: series with their totals, a cell's history, upload templates. */
@Singleton
public class MeasurementQueries {

  private final IndicatorService indicators;
  private final IndicatorSourceRepository sources;
  private final TerritoryService territories;
  private final SeriesReader seriesReader;
  private final MeasurementReads reads;
  private final org.atalaya.indicator.IndicatorRepository indicatorRows;
  private final CellGrid grid;
  private final Clock clock;

  MeasurementQueries(
      IndicatorService indicators,
      IndicatorSourceRepository sources,
      TerritoryService territories,
      SeriesReader seriesReader,
      MeasurementReads reads,
      org.atalaya.indicator.IndicatorRepository indicatorRows,
      CellGrid grid,
      Clock clock) {
    this.clock = clock;
    this.grid = grid;
    this.indicators = indicators;
    this.sources = sources;
    this.territories = territories;
    this.seriesReader = seriesReader;
    this.reads = reads;
    this.indicatorRows = indicatorRows;
  }

  @Serdeable
  public record SeriesView(
      String indicator,
      IndicatorKind kind,
      String unit,
      Sex sex,
      String territory,
      String source,
      List<Point> points) {}

  /**
   * One period. {@code basis} says where the value comes from: "stored" for the cell, or the parts
   * it was built from; {@code value} is absent when the parts cannot make a total.
   */
  @Serdeable
  public record Point(
      String period,
      LocalDate start,
      @Nullable BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator,
      String basis,
      int cells,
      boolean validated) {}

  public SeriesView series(
      String code, Sex sex, String territoryCode, String sourceCode, LocalDate from, LocalDate to)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    Territory territory = territoryOrDistrict(indicator, territoryCode);
    IndicatorSource source = source(indicator, sourceCode);
    var ref = ref(indicator, source);
    List<Point> points =
        seriesReader.read(List.of(ref), sex.name(), territory.id(), from, to).get(ref);
    return new SeriesView(
        code, indicator.kind(), indicator.unit(), sex, territory.code(), source.code(), points);
  }

  private static SeriesReader.Ref ref(Indicator indicator, IndicatorSource source) {
    return new SeriesReader.Ref(
        indicator.id(),
        source.id(),
        indicator.kind(),
        indicator.rateBase(),
        indicator.unit(),
        indicator.frequency());
  }

  /** One place's series, as {@link #series} gives it for that place alone. */
  public record PlaceView(Territory place, SeriesView view) {}

  /**
   * The same series as {@link #series} for each place directly under {@code parent} (null: the
   * district of the indicator's plan), in the order of {@link TerritoryService#all}, in a fixed
   * number of queries whatever their number (a district's corregimientos on a page).
   */
  public List<PlaceView> seriesOfPlaces(
      String code, Sex sex, @Nullable String parent, LocalDate from, LocalDate to)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    IndicatorSource source = source(indicator, null);
    Territory above = territoryOrDistrict(indicator, parent);
    List<Territory> places =
        territories.all().stream().filter(t -> above.id().equals(t.parentId())).toList();
    var ref = ref(indicator, source);
    var points =
        seriesReader.readPlaces(
            ref, sex.name(), places.stream().map(Territory::id).toList(), from, to);
    var result = new java.util.ArrayList<PlaceView>();
    for (Territory place : places) {
      result.add(
          new PlaceView(
              place,
              new SeriesView(
                  code,
                  indicator.kind(),
                  indicator.unit(),
                  sex,
                  place.code(),
                  source.code(),
                  points.get(place.id()))));
    }
    return result;
  }

  List<MeasurementReads.Version> history(
      String code,
      String period,
      Sex sex,
      String territoryCode,
      String ageGroup,
      String sourceCode) {
    Indicator indicator = indicators.require(code);
    LocalDate start =
        indicator
            .frequency()
            .parse(period)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "period", "format", indicator.frequency().label(LocalDate.of(2025, 1, 1))));
    return reads
        .history(
            indicator.id(),
            source(indicator, sourceCode).id(),
            start,
            sex.name(),
            territoryOrDistrict(indicator, territoryCode).id(),
            ageGroup)
        .stream()
        .map(
            v ->
                new MeasurementReads.Version(
                    v.revision(),
                    PlainDecimals.plain(v.value()),
                    PlainDecimals.plain(v.numerator()),
                    PlainDecimals.plain(v.denominator()),
                    v.status(),
                    v.recordedBy(),
                    v.recordedAt(),
                    v.reason()))
        .toList();
  }

  /** A value a cell had, for pages in another package (the history API's answer, typed). */
  public record Revision(
      int revision,
      BigDecimal value,
      String status,
      String recordedBy,
      java.time.Instant recordedAt,
      @Nullable String reason) {}

  /** The history of one cell of the official source, total age group, newest first. */
  public List<Revision> revisions(String code, String period, Sex sex, @Nullable String territory) {
    return history(code, period, sex, territory, "_T", null).stream()
        .map(
            v ->
                new Revision(
                    v.revision(),
                    v.value(),
                    v.status(),
                    v.recordedBy(),
                    v.recordedAt(),
                    v.reason()))
        .toList();
  }

  String template(String code) {
    Indicator indicator = indicators.require(code);
    Frequency f = indicator.frequency();
    LocalDate last = f.startOf(LocalDate.now(clock).minusYears(1));
    String district =
        indicatorRows
            .planDistrict(indicator.id())
            .flatMap(territories::byId)
            .map(Territory::code)
            .orElse("");
    var out = new StringBuilder(Columns.header()).append('\n');
    List<String> sexes = indicator.bySex() ? List.of("F", "M") : List.of("_T");
    try (var csv = new org.atalaya.shared.CsvWriter(out)) {
      for (String sex : sexes) {
        csv.row(code, f.label(last), sex, district, "_T", "", "", "", "", "");
      }
    }
    return out.toString();
  }

  /**
   * Every stored cell of an indicator's official source for its district and the district's
   * corregimientos, by period, sex and place, up to {@code to}: what the publication rule needs to
   * see a breakdown whole (its total and all its parts) before it withholds any of them. A rate's
   * cells are its events (numerator), the count a rate beside its population gives back.
   */
  public CellGrid.Grid grid(String code, LocalDate to) throws SQLException {
    Indicator indicator = indicators.require(code);
    Territory district = territoryOrDistrict(indicator, null);
    boolean events = indicator.kind() == IndicatorKind.RATE;
    return grid.read(indicator.id(), source(indicator, null).id(), district, to, events);
  }

  private Territory territoryOrDistrict(Indicator indicator, String code) {
    if (code != null) {
      return territories.require(code);
    }
    return indicatorRows
        .planDistrict(indicator.id())
        .flatMap(territories::byId)
        .orElseThrow(() -> ApiException.invalid("territory", "NotBlank"));
  }

  private IndicatorSource source(Indicator indicator, String code) {
    List<IndicatorSource> all = sources.findByIndicatorIdOrderById(indicator.id());
    return all.stream()
        .filter(s -> code == null ? s.official() : s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("source", code == null ? "OFICIAL" : code));
  }
}
