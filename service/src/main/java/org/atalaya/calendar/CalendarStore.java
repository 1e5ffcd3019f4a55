package org.atalaya.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.ColumnValues;
import org.atalaya.database.NamedStatement;
import org.atalaya.indicator.Frequency;

/**
 * What the calendar reads: every series an institution owes (indicator × source, with its
 * institution and the district of its plan), the places, and what arrived in a window of periods.
 * Indicators fed by surveys are left out: their figures come from survey waves, not deliveries.
 */
@Singleton
class CalendarStore {
  private final DataSource dataSource;

  CalendarStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One series owed: an indicator's source, with who delivers it and its breakdowns. */
  record Series(
      long indicatorId,
      String indicator,
      String indicatorName,
      Frequency frequency,
      boolean bySex,
      boolean byPlace,
      long sourceId,
      String source,
      String sourceName,
      boolean official,
      @Nullable String institution,
      @Nullable String institutionName,
      @Nullable Long district) {}

  /** A place a figure may be given for. */
  record Place(
      long id,
      String code,
      String name,
      String level,
      @Nullable Long parent,
      @Nullable LocalDate validFrom,
      @Nullable LocalDate validTo) {

    boolean validDuring(LocalDate start, LocalDate end) {
      return (validFrom == null || !validFrom.isAfter(end))
          && (validTo == null || validTo.isAfter(start));
    }
  }

  /** One figure that arrived (all ages). */
  record Arrived(
      long indicatorId,
      long sourceId,
      LocalDate period,
      long place,
      String sex,
      boolean validated) {}

  private static final String SERIES =
      """
      SELECT i.id, i.code, i.name, i.frequency, i.by_sex, i.by_territory,
             s.id AS source_id, s.code AS source, s.name AS source_name, s.official,
             coalesce(si.code, ii.code) AS institution,
             coalesce(si.name, ii.name) AS institution_name, p.territory_id AS district
        FROM indicator i
        JOIN indicator_source s ON s.indicator_id = i.id
        LEFT JOIN institution si ON si.id = s.institution_id
        LEFT JOIN institution ii ON ii.id = i.institution_id
        LEFT JOIN action_card a ON a.id = i.action_card_id
        LEFT JOIN plan p ON p.id = a.plan_id
       WHERE i.source_kind <> 'SURVEY'
       ORDER BY i.code, s.official DESC, s.code
      """;

  /**
   * The figures of the series asked for, each read by the primary key's (indicator, source, period)
   * prefix: a district's calendar reads its own rows, never every district's of the window.
   */
  private static final String ARRIVED =
      """
      SELECT m.indicator_id, m.source_id, m.period_start, m.territory_id, m.sex,
             m.status = 'VALIDATED' AS validated
        FROM unnest(:indicators, :sources) AS u(indicator_id, source_id)
        JOIN measurement m ON m.indicator_id = u.indicator_id AND m.source_id = u.source_id
       WHERE m.age_group = '_T' AND m.period_start BETWEEN :from AND :to
      """;

  @Transactional(readOnly = true)
  List<Series> series() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, SERIES)) {
      return s.list(
          r ->
              new Series(
                  r.getLong("id"),
                  r.getString("code"),
                  r.getString("name"),
                  Frequency.valueOf(r.getString("frequency")),
                  r.getBoolean("by_sex"),
                  r.getBoolean("by_territory"),
                  r.getLong("source_id"),
                  r.getString("source"),
                  r.getString("source_name"),
                  r.getBoolean("official"),
                  r.getString("institution"),
                  r.getString("institution_name"),
                  ColumnValues.nullableLong(r, "district")));
    }
  }

  @Transactional(readOnly = true)
  List<Place> places() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT id, code, name, level, parent_id, valid_from, valid_to FROM territory"
                    + " ORDER BY code")) {
      return s.list(
          r ->
              new Place(
                  r.getLong("id"),
                  r.getString("code"),
                  r.getString("name"),
                  r.getString("level"),
                  ColumnValues.nullableLong(r, "parent_id"),
                  ColumnValues.localDate(r, "valid_from"),
                  ColumnValues.localDate(r, "valid_to")));
    }
  }

  /** Every figure of these series whose period starts between the two days (inclusive). */
  @Transactional(readOnly = true)
  List<Arrived> arrived(List<Series> series, LocalDate from, LocalDate to) throws SQLException {
    if (series.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, ARRIVED)) {
      return s.setArray(
              "indicators", "bigint", series.stream().map(Series::indicatorId).toArray(Long[]::new))
          .setArray("sources", "bigint", series.stream().map(Series::sourceId).toArray(Long[]::new))
          .setDate("from", from)
          .setDate("to", to)
          .list(
              r ->
                  new Arrived(
                      r.getLong("indicator_id"),
                      r.getLong("source_id"),
                      r.getDate("period_start").toLocalDate(),
                      r.getLong("territory_id"),
                      r.getString("sex"),
                      r.getBoolean("validated")));
    }
  }
}
