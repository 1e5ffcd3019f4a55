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
import org.atalaya.database.NamedStatement;
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

  /** The survey that feeds an indicator, and how (item, value, weight, scale). */
  record Fed(String survey, IndicatorBinding binding) {}

  java.util.Optional<Fed> fedBy(String indicatorCode) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                SELECT s.code AS survey, b.item, b.kind, b.value_code, b.weight, b.scale
                  FROM survey_indicator b JOIN indicator i ON i.id = b.indicator_id
                  JOIN survey s ON s.id = b.survey_id
                 WHERE i.code = :indicator
                """)) {
      return s.setString("indicator", indicatorCode)
          .first(
              r -> {
                String value = r.getString("value_code");
                return new Fed(
                    r.getString("survey"),
                    new IndicatorBinding(
                        indicatorCode,
                        r.getString("item"),
                        EstimateKind.valueOf(r.getString("kind")),
                        value.isEmpty() ? null : value,
                        r.getString("weight"),
                        r.getDouble("scale")));
              });
    }
  }

  void bind(long indicatorId, long surveyId, IndicatorBinding b) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO survey_indicator (indicator_id, survey_id, item, kind, value_code, weight, scale)
                VALUES (:indicator, :survey, :item, :kind, :value_code, :weight, :scale)
                ON CONFLICT (indicator_id) DO UPDATE SET survey_id = EXCLUDED.survey_id,
                  item = EXCLUDED.item, kind = EXCLUDED.kind, value_code = EXCLUDED.value_code,
                  weight = EXCLUDED.weight, scale = EXCLUDED.scale
                """)) {
      s.setLong("indicator", indicatorId)
          .setLong("survey", surveyId)
          .setString("item", b.item())
          .setString("kind", b.kind().name())
          .setString("value_code", b.value() == null ? "" : b.value())
          .setString("weight", b.weight())
          .setDouble("scale", b.scaleOrDefault())
          .executeUpdate();
    }
  }

  List<Bound> bindings(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                SELECT b.indicator_id, i.code, b.item, b.kind, b.value_code, b.weight, b.scale
                  FROM survey_indicator b JOIN indicator i ON i.id = b.indicator_id
                 WHERE b.survey_id = :survey ORDER BY i.code
                """)) {
      List<Bound> out = new ArrayList<>();
      try (var r = s.setLong("survey", surveyId).executeQuery()) {
        while (r.next()) {
          String value = r.getString("value_code");
          out.add(
              new Bound(
                  r.getLong("indicator_id"),
                  new IndicatorBinding(
                      r.getString("code"),
                      r.getString("item"),
                      EstimateKind.valueOf(r.getString("kind")),
                      value.isEmpty() ? null : value,
                      r.getString("weight"),
                      r.getDouble("scale"))));
        }
      }
      return out;
    }
  }

  void replace(long indicatorId, long waveId, List<CellInterval> cells) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (var d =
          NamedStatement.prepare(
              c,
              "DELETE FROM survey_indicator_cell WHERE indicator_id = :indicator AND wave_id = :wave")) {
        d.setLong("indicator", indicatorId).setLong("wave", waveId).executeUpdate();
      }
      try (var s =
          NamedStatement.prepare(
              c,
              """
              INSERT INTO survey_indicator_cell (indicator_id, wave_id, sex, territory, estimate, se,
                ci_lower, ci_upper, cv, n, df, reliability, no_interval, suppressed, weight)
              VALUES (:indicator, :wave, :sex, :territory, :estimate, :se, :ci_lower, :ci_upper,
                      :cv, :n, :df, :reliability, :no_interval, :suppressed, :weight)
              """)) {
        for (CellInterval cell : cells) {
          s.setLong("indicator", indicatorId).setLong("wave", waveId);
          s.setString("sex", cell.sex()).setString("territory", cell.territory());
          s.setObject("estimate", cell.value()).setObject("se", cell.se());
          s.setObject("ci_lower", cell.ciLower()).setObject("ci_upper", cell.ciUpper());
          s.setObject("cv", cell.cv()).setLong("n", cell.n()).setObject("df", cell.df());
          s.setString("reliability", cell.reliability());
          s.setString("no_interval", cell.noInterval());
          s.setBoolean("suppressed", cell.suppressed()).setString("weight", cell.weight());
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
            NamedStatement.prepare(
                c,
                """
                SELECT w.code AS wave, w.period_start, x.sex, x.territory, x.estimate, x.se, x.ci_lower,
                  x.ci_upper, x.cv, x.n, x.df, x.reliability, x.no_interval, x.suppressed, x.weight
                FROM survey_indicator_cell x JOIN survey_wave w ON w.id = x.wave_id
                JOIN indicator i ON i.id = x.indicator_id
                WHERE i.code = :indicator AND w.published
                ORDER BY w.period_start, x.sex, x.territory
                """)) {
      return s.setString("indicator", indicatorCode)
          .list(
              r -> {
                boolean hide = publicOnly && r.getBoolean("suppressed");
                return new CellInterval(
                    r.getString("wave"),
                    r.getDate("period_start").toLocalDate(),
                    r.getString("sex"),
                    r.getString("territory"),
                    hide ? null : (Double) r.getObject("estimate"),
                    hide ? null : (Double) r.getObject("se"),
                    hide ? null : (Double) r.getObject("ci_lower"),
                    hide ? null : (Double) r.getObject("ci_upper"),
                    hide ? null : (Double) r.getObject("cv"),
                    r.getLong("n"),
                    (Integer) r.getObject("df"),
                    r.getString("reliability"),
                    r.getString("no_interval"),
                    r.getBoolean("suppressed"),
                    r.getString("weight"));
              });
    }
  }
}
