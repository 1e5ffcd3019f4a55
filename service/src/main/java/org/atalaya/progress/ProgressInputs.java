package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.SeriesReader;

/**
 * A read model of what progress needs about indicators — definition, card, official source, plan
 * district, targets with their milestones — for a whole plan or one indicator in three queries,
 * whatever the number of indicators.
 */
@Singleton
class ProgressInputs {
  private final DataSource dataSource;

  ProgressInputs(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record Subject(
      long id,
      String code,
      String name,
      String unit,
      IndicatorFacts facts,
      @Nullable Integer rateBase,
      boolean bySex,
      @Nullable String card,
      @Nullable Long district,
      @Nullable Long sourceId,
      @Nullable String source,
      List<TargetRow> targets) {

    Subject withTargets(List<TargetRow> rows) {
      return new Subject(
          id, code, name, unit, facts, rateBase, bySex, card, district, sourceId, source, rows);
    }

    SeriesReader.Ref ref() {
      return new SeriesReader.Ref(id, sourceId, facts.kind(), rateBase, unit, facts.frequency());
    }
  }

  record TargetRow(
      Sex sex,
      long territoryId,
      boolean districtWide,
      Point baseline,
      List<Point> milestones,
      Point target) {}

  private static final String SUBJECTS =
      """
      SELECT i.id, i.code, i.name, i.unit, i.kind, i.rate_base, i.direction, i.tolerance,
             i.frequency, i.accumulation, i.by_sex, c.code AS card, p.territory_id AS district,
             s.id AS source_id, s.code AS source
      FROM indicator i
      LEFT JOIN action_card c ON c.id = i.action_card_id
      LEFT JOIN plan p ON p.id = c.plan_id
      LEFT JOIN indicator_source s ON s.indicator_id = i.id AND s.official
      """;

  /** The plan's indicators in the order the plan lists them (card, then code). */
  @Connectable
  List<Subject> ofPlan(String plan) throws SQLException {
    return subjects(SUBJECTS + " WHERE p.code = :code ORDER BY c.position, i.code", plan);
  }

  @Connectable
  List<Subject> ofIndicator(String code) throws SQLException {
    return subjects(SUBJECTS + " WHERE i.code = :code", code);
  }

  private List<Subject> subjects(String query, String code) throws SQLException {
    List<Subject> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (var s = NamedStatement.prepare(c, query)) {
        found.addAll(s.setString("code", code).list(ProgressInputs::subject));
      }
      Map<Long, List<TargetRow>> targets =
          targets(c, found.stream().map(Subject::id).toArray(Long[]::new));
      return found.stream()
          .map(x -> x.withTargets(targets.getOrDefault(x.id(), List.of())))
          .toList();
    }
  }

  private static Subject subject(ResultSet rs) throws SQLException {
    BigDecimal tolerance = rs.getBigDecimal("tolerance");
    var facts =
        new IndicatorFacts(
            IndicatorKind.valueOf(rs.getString("kind")),
            Direction.valueOf(rs.getString("direction")),
            Accumulation.valueOf(rs.getString("accumulation")),
            Frequency.valueOf(rs.getString("frequency")),
            tolerance == null ? null : tolerance.doubleValue());
    return new Subject(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("unit"),
        facts,
        rs.getObject("rate_base", Integer.class),
        rs.getBoolean("by_sex"),
        rs.getString("card"),
        rs.getObject("district", Long.class),
        rs.getObject("source_id", Long.class),
        rs.getString("source"),
        List.of());
  }

  private static Map<Long, List<TargetRow>> targets(Connection c, Long[] indicators)
      throws SQLException {
    Map<Long, List<Point>> milestones = new HashMap<>();
    try (var s =
        NamedStatement.prepare(
            c,
            """
            SELECT m.target_id, m.period, m.value FROM target_milestone m
              JOIN target t ON t.id = m.target_id WHERE t.indicator_id = ANY(:indicators)
             ORDER BY m.target_id, m.period
            """)) {
      s.setArray("indicators", "bigint", indicators);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          milestones
              .computeIfAbsent(rs.getLong("target_id"), k -> new ArrayList<>())
              .add(point(rs.getObject("period", LocalDate.class), rs.getBigDecimal("value")));
        }
      }
    }
    Map<Long, List<TargetRow>> targets = new HashMap<>();
    try (var s =
        NamedStatement.prepare(
            c,
            """
            SELECT t.id, t.indicator_id, t.sex, t.territory_id,
                   p.level = 'DISTRICT' AS district_wide,
                   t.baseline_period, t.baseline_value, t.final_date, t.final_value
              FROM target t JOIN territory p ON p.id = t.territory_id
             WHERE t.indicator_id = ANY(:indicators) ORDER BY t.id
            """)) {
      s.setArray("indicators", "bigint", indicators);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          targets
              .computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>())
              .add(
                  new TargetRow(
                      Sex.valueOf(rs.getString("sex")),
                      rs.getLong("territory_id"),
                      rs.getBoolean("district_wide"),
                      point(
                          rs.getObject("baseline_period", LocalDate.class),
                          rs.getBigDecimal("baseline_value")),
                      milestones.getOrDefault(rs.getLong("id"), List.of()),
                      point(
                          rs.getObject("final_date", LocalDate.class),
                          rs.getBigDecimal("final_value"))));
        }
      }
    }
    return targets;
  }

  private static Point point(LocalDate period, BigDecimal value) {
    return new Point(period, value.doubleValue());
  }
}
