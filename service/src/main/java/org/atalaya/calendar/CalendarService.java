package org.atalaya.calendar;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.atalaya.calendar.CalendarStore.Arrived;
import org.atalaya.calendar.CalendarStore.Place;
import org.atalaya.calendar.CalendarStore.Series;
import org.atalaya.calendar.DataCalendar.Completeness;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.calendar.DataCalendar.Missing;

/**
 * Derives the data calendar: for every series owed (indicator × source), every period of its
 * frequency in the window, the parts expected (each corregimiento of the plan's district when the
 * indicator is broken down by place, else the district; women and men when by sex, else the total),
 * what arrived, and whether it is late (due {@link ReportingDelay} days after the period ends).
 */
@Singleton
public class CalendarService {
  private final CalendarStore store;
  private final ReportingDelay delay;

  CalendarService(
      CalendarStore store, @Value("${atalaya.calendar.reporting-delay-days:30}") int delayDays) {
    this.store = store;
    this.delay = new ReportingDelay(delayDays);
  }

  /** The first day of the default window: twelve months up to today's. */
  public static LocalDate defaultFrom(LocalDate today) {
    return today.withDayOfMonth(1).minusMonths(11);
  }

  /** The calendar of the window, optionally for one institution's or one indicator's series. */
  public DataCalendar calendar(
      LocalDate today,
      @Nullable LocalDate from,
      @Nullable String institution,
      @Nullable String indicator)
      throws SQLException {
    LocalDate start = from == null ? defaultFrom(today) : from;
    List<Series> series =
        store.series().stream()
            .filter(s -> blank(institution) || institution.equals(s.institution()))
            .filter(s -> blank(indicator) || indicator.equals(s.indicator()))
            .toList();
    List<Place> places = store.places();
    // An annual period that began before the window still ends inside it.
    Map<String, Boolean> arrived = index(store.arrived(series, start.withDayOfYear(1), today));
    List<Entry> entries = new ArrayList<>();
    for (Series s : series) {
      for (LocalDate p = s.frequency().startOf(start);
          !p.isAfter(today);
          p = s.frequency().next(p)) {
        entry(s, p, today, places, arrived).ifPresent(entries::add);
      }
    }
    entries.sort(
        java.util.Comparator.comparing(Entry::period)
            .reversed()
            .thenComparing(Entry::indicator)
            .thenComparing(e -> !e.official())
            .thenComparing(Entry::source));
    return new DataCalendar(start, today, delay.days(), entries, completeness(entries, today));
  }

  /** What is late, for one institution (all when null). */
  public List<Entry> late(LocalDate today, @Nullable String institution) throws SQLException {
    return calendar(today, null, institution, null).entries().stream().filter(Entry::late).toList();
  }

  /**
   * The latest period of an indicator's official source that is due or has figures, when it is
   * incomplete: why its district total reads "no data" or is partial, and which parts are missing.
   */
  public java.util.Optional<Entry> gap(LocalDate today, String indicator) throws SQLException {
    return calendar(today, null, null, indicator).entries().stream()
        .filter(Entry::official)
        .filter(e -> e.late() || e.received() > 0)
        .findFirst()
        .filter(e -> e.received() < e.expected());
  }

  private java.util.Optional<Entry> entry(
      Series s, LocalDate period, LocalDate today, List<Place> places, Map<String, Boolean> got) {
    LocalDate end = ReportingDelay.end(s.frequency(), period);
    List<Place> parts = parts(s, period, end, places);
    if (parts.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> sexes = s.bySex() ? List.of("F", "M") : List.of("_T");
    int received = 0;
    int validated = 0;
    List<Missing> missing = new ArrayList<>();
    for (Place place : parts) {
      List<String> absent = new ArrayList<>();
      for (String sex : sexes) {
        Boolean v = got.get(key(s.indicatorId(), s.sourceId(), period, place.id(), sex));
        if (v == null) {
          absent.add(sex);
        } else {
          received++;
          validated += v ? 1 : 0;
        }
      }
      if (!absent.isEmpty()) {
        missing.add(new Missing(place.code(), place.name(), absent));
      }
    }
    int expected = parts.size() * sexes.size();
    LocalDate due = delay.due(s.frequency(), period);
    DueState state = DueState.of(expected, received, validated, today.isAfter(due));
    return java.util.Optional.of(
        new Entry(
            s.indicator(),
            s.indicatorName(),
            s.frequency().name(),
            s.source(),
            s.sourceName(),
            s.official(),
            s.institution(),
            s.institutionName(),
            period,
            s.frequency().label(period),
            due,
            expected,
            received,
            validated,
            state,
            missing));
  }

  /** The places a period's figures are expected for, valid during the period. */
  private static List<Place> parts(Series s, LocalDate start, LocalDate end, List<Place> places) {
    Long district =
        s.district() != null
            ? s.district()
            : places.stream()
                .filter(p -> "DISTRICT".equals(p.level()))
                .map(Place::id)
                .findFirst()
                .orElse(null);
    if (district == null) {
      return List.of();
    }
    return places.stream()
        .filter(
            p ->
                s.byPlace()
                    ? "CORREGIMIENTO".equals(p.level()) && district.equals(p.parent())
                    : p.id() == district)
        .filter(p -> p.validDuring(start, end))
        .toList();
  }

  private static List<Completeness> completeness(List<Entry> entries, LocalDate today) {
    Map<List<Object>, int[]> sums = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Entry e : entries) {
      LocalDate end = ReportingDelay.end(frequencyOf(e), e.period());
      if (!end.isBefore(today)) {
        continue; // a period still open is not incomplete
      }
      String month = YearMonth.from(end).toString();
      List<Object> key = java.util.Arrays.asList(e.institution(), month);
      int[] sum = sums.computeIfAbsent(key, k -> new int[2]);
      sum[0] += e.expected();
      sum[1] += e.received();
      if (e.institution() != null) {
        names.put(e.institution(), e.institutionName());
      }
    }
    List<Completeness> out = new ArrayList<>();
    sums.forEach(
        (k, v) -> {
          String inst = (String) k.get(0);
          out.add(
              new Completeness(
                  inst, inst == null ? null : names.get(inst), (String) k.get(1), v[0], v[1]));
        });
    out.sort(
        java.util.Comparator.comparing(
                (Completeness c) -> Objects.requireNonNullElse(c.institutionName(), "\uffff"))
            .thenComparing(Completeness::month));
    return out;
  }

  private static org.atalaya.indicator.Frequency frequencyOf(Entry e) {
    return org.atalaya.indicator.Frequency.valueOf(e.frequency());
  }

  private static Map<String, Boolean> index(List<Arrived> arrived) {
    Map<String, Boolean> out = new HashMap<>();
    for (Arrived a : arrived) {
      out.put(key(a.indicatorId(), a.sourceId(), a.period(), a.place(), a.sex()), a.validated());
    }
    return out;
  }

  private static String key(long indicator, long source, LocalDate period, long place, String sex) {
    return indicator + "|" + source + "|" + period + "|" + place + "|" + sex;
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
