package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * Survey-fed indicators: their bindings, and for every measurement a published wave wrote, the
 * interval, standard error, sample size and reliability that the measurement itself does not hold,
 * for progress and charts to show beside the value.
 */
@Singleton
public class IndicatorCells {
  private final DataSource dataSource;

  IndicatorCells(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One cell of one wave, in the indicator's unit (the estimate times the binding's scale). A
   * suppressed cell has no figures for the public: it was below the publication threshold and no
   * measurement was written for it. {@code weight} is the design weight it was estimated with
   * (empty for typed-in figures, null for cells fed before the weight was recorded).
   */
  @Serdeable
  public record CellInterval(
      String wave,
      LocalDate periodStart,
      String sex,
      String territory,
      @Nullable Double value,
      @Nullable Double se,
      @Nullable Double ciLower,
      @Nullable Double ciUpper,
      @Nullable Double cv,
      long n,
      @Nullable Integer df,
      @Nullable String reliability,
      @Nullable String noInterval,
      boolean suppressed,
      @Nullable String weight) {}

  record Bound(long indicatorId, IndicatorBinding binding) {}

  void bind(long indicatorId, long surveyId, IndicatorBinding b) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                """
                INSERT INTO survey_indicator (indicator_id, survey_id, item, kind, value_code, weight, scale)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (indicator_id) DO UPDATE SET survey_id = EXCLUDED.survey_id,
                  item = EXCLUDED.item, kind = EXCLUDED.kind, value_code = EXCLUDED.value_code,
                  weight = EXCLUDED.weight, scale = EXCLUDED.scale
                """)) {
      s.setLong(1, indicatorId);
      s.setLong(2, surveyId);
      s.setString(3, b.item());
      s.setString(4, b.kind().name());
      s.setString(5, b.value() == null ? "" : b.value());
      s.setString(6, b.weight());
      s.setDouble(7, b.scaleOrDefault());
      s.executeUpdate();
    }
  }

  List<Bound> bindings(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT b.indicator_id, i.code, b.item, b.kind, b.value_code, b.weight, b.scale"
                    + " FROM survey_indicator b JOIN indicator i ON i.id = b.indicator_id"
                    + " WHERE b.survey_id = ? ORDER BY i.code")) {
      s.setLong(1, surveyId);
      List<Bound> out = new ArrayList<>();
      try (var r = s.executeQuery()) {
        while (r.next()) {
          String value = r.getString(5);
          out.add(
              new Bound(
                  r.getLong(1),
                  new IndicatorBinding(
                      r.getString(2),
                      r.getString(3),
                      EstimateKind.valueOf(r.getString(4)),
                      value.isEmpty() ? null : value,
                      r.getString(6),
                      r.getDouble(7))));
        }
      }
      return out;
    }
  }

  void replace(long indicatorId, long waveId, List<CellInterval> cells) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (var d =
          c.prepareStatement(
              "DELETE FROM survey_indicator_cell WHERE indicator_id = ? AND wave_id = ?")) {
        d.setLong(1, indicatorId);
        d.setLong(2, waveId);
        d.executeUpdate();
      }
      try (var s =
          c.prepareStatement(
              """
              INSERT INTO survey_indicator_cell (indicator_id, wave_id, sex, territory, estimate, se,
                ci_lower, ci_upper, cv, n, df, reliability, no_interval, suppressed, weight)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)) {
        for (CellInterval cell : cells) {
          int i = 1;
          s.setLong(i++, indicatorId);
          s.setLong(i++, waveId);
          s.setString(i++, cell.sex());
          s.setString(i++, cell.territory());
          for (Double d :
              new Double[] {cell.value(), cell.se(), cell.ciLower(), cell.ciUpper(), cell.cv()}) {
            s.setObject(i++, d);
          }
          s.setLong(i++, cell.n());
          s.setObject(i++, cell.df());
          s.setString(i++, cell.reliability());
          s.setString(i++, cell.noInterval());
          s.setBoolean(i++, cell.suppressed());
          s.setString(i, cell.weight());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  /**
   * The cells of an indicator from published waves, oldest first. {@code publicOnly} withholds the
   * figures of suppressed cells, as every public output must.
   */
  @Transactional(readOnly = true)
  public List<CellInterval> forIndicator(String indicatorCode, boolean publicOnly)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                """
                SELECT w.code, w.period_start, x.sex, x.territory, x.estimate, x.se, x.ci_lower,
                  x.ci_upper, x.cv, x.n, x.df, x.reliability, x.no_interval, x.suppressed, x.weight
                FROM survey_indicator_cell x JOIN survey_wave w ON w.id = x.wave_id
                JOIN indicator i ON i.id = x.indicator_id
                WHERE i.code = ? AND w.published
                ORDER BY w.period_start, x.sex, x.territory
                """)) {
      s.setString(1, indicatorCode);
      List<CellInterval> out = new ArrayList<>();
      try (var r = s.executeQuery()) {
        while (r.next()) {
          boolean hide = publicOnly && r.getBoolean(14);
          out.add(
              new CellInterval(
                  r.getString(1),
                  r.getDate(2).toLocalDate(),
                  r.getString(3),
                  r.getString(4),
                  hide ? null : (Double) r.getObject(5),
                  hide ? null : (Double) r.getObject(6),
                  hide ? null : (Double) r.getObject(7),
                  hide ? null : (Double) r.getObject(8),
                  hide ? null : (Double) r.getObject(9),
                  r.getLong(10),
                  (Integer) r.getObject(11),
                  r.getString(12),
                  r.getString(13),
                  r.getBoolean(14),
                  r.getString(15)));
        }
      }
      return out;
    }
  }
}
