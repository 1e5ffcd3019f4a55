package org.atalaya.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
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
             s.id, s.code, s.name, s.official,
             coalesce(si.code, ii.code), coalesce(si.name, ii.name), p.territory_id
        FROM indicator i
        JOIN indicator_source s ON s.indicator_id = i.id
        LEFT JOIN institution si ON si.id = s.institution_id
        LEFT JOIN institution ii ON ii.id = i.institution_id
        LEFT JOIN action_card a ON a.id = i.action_card_id
        LEFT JOIN plan p ON p.id = a.plan_id
       WHERE i.source_kind <> 'SURVEY'
       ORDER BY i.code, s.official DESC, s.code
      """;

  private static final String ARRIVED =
      """
      SELECT indicator_id, source_id, period_start, territory_id, sex, status = 'VALIDATED'
        FROM measurement
       WHERE age_group = '_T' AND period_start BETWEEN ? AND ?
      """;

  @Transactional(readOnly = true)
  List<Series> series() throws SQLException {
    List<Series> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(SERIES);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long district = r.getLong(13);
        out.add(
            new Series(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                Frequency.valueOf(r.getString(4)),
                r.getBoolean(5),
                r.getBoolean(6),
                r.getLong(7),
                r.getString(8),
                r.getString(9),
                r.getBoolean(10),
                r.getString(11),
                r.getString(12),
                r.wasNull() ? null : district));
      }
    }
    return out;
  }

  @Transactional(readOnly = true)
  List<Place> places() throws SQLException {
    List<Place> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT id, code, name, level, parent_id, valid_from, valid_to FROM territory"
                    + " ORDER BY code");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long parent = r.getLong(5);
        Long parentId = r.wasNull() ? null : parent;
        Date from = r.getDate(6);
        Date to = r.getDate(7);
        out.add(
            new Place(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                parentId,
                from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate()));
      }
    }
    return out;
  }

  /** Every figure whose period starts between the two days (inclusive). */
  @Transactional(readOnly = true)
  List<Arrived> arrived(LocalDate from, LocalDate to) throws SQLException {
    List<Arrived> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(ARRIVED)) {
      s.setDate(1, Date.valueOf(from));
      s.setDate(2, Date.valueOf(to));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Arrived(
                  r.getLong(1),
                  r.getLong(2),
                  r.getDate(3).toLocalDate(),
                  r.getLong(4),
                  r.getString(5),
                  r.getBoolean(6)));
        }
      }
    }
    return out;
  }
}
