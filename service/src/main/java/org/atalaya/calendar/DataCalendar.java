package org.atalaya.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * Which figures are expected, received, validated or late, per indicator, source and period, from
 * {@code from} to {@code today}; and the completeness of each institution's deliveries per month.
 */
@Serdeable
public record DataCalendar(
    LocalDate from,
    LocalDate today,
    int reportingDelayDays,
    List<Entry> entries,
    List<Completeness> completeness) {

  public DataCalendar {
    entries = List.copyOf(entries);
    completeness = List.copyOf(completeness);
  }

  /**
   * One indicator period of one source: how many parts (corregimiento × sex, or the district) are
   * expected, how many arrived and are validated, and which are missing.
   */
  @Serdeable
  public record Entry(
      String indicator,
      String indicatorName,
      String frequency,
      String source,
      String sourceName,
      boolean official,
      @Nullable String institution,
      @Nullable String institutionName,
      LocalDate period,
      String periodLabel,
      LocalDate due,
      int expected,
      int received,
      int validated,
      DueState state,
      List<Missing> missing) {

    public Entry {
      missing = List.copyOf(missing);
    }

    public boolean late() {
      return state == DueState.LATE;
    }

    /** Some parts arrived, not all: the district's total cannot be formed yet. */
    public boolean partial() {
      return received > 0 && received < expected;
    }
  }

  /** A part that did not arrive: a place and the sexes missing there ({@code _T}: its total). */
  @Serdeable
  public record Missing(String place, String placeName, List<String> sexes) {
    public Missing {
      sexes = List.copyOf(sexes);
    }
  }

  /**
   * The share of expected parts an institution delivered for the periods ending in a month (a
   * quarter counts in its last month, a year in December).
   */
  @Serdeable
  public record Completeness(
      @Nullable String institution,
      @Nullable String institutionName,
      String month,
      int expected,
      int received) {

    public double percent() {
      return expected == 0 ? 100.0 : 100.0 * received / expected;
    }
  }
}
