package org.atalaya.survey;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.atalaya.audit.AuditLog;
import org.atalaya.database.NamedStatement;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.Messages;
import org.atalaya.survey.estimate.Estimate;
import org.atalaya.survey.estimate.NoInterval;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/** Published figures entered by hand, stored and read back as estimates by sex and territory. */
@Singleton
class AggregateStore {
  private static final double Z = 1.959963984540054;
  private final DataSource dataSource;
  private final TerritoryService territories;
  private final AuditLog audit;
  private final WaveApproval approval;

  AggregateStore(
      DataSource dataSource, TerritoryService territories, AuditLog audit, WaveApproval approval) {
    this.dataSource = dataSource;
    this.territories = territories;
    this.audit = audit;
    this.approval = approval;
  }

  /** Checks every row first (naming each by its position), then upserts them all. */
  @io.micronaut.transaction.annotation.Transactional
  void save(long waveId, String wave, SurveyDoc survey, List<AggregateInput> rows)
      throws SQLException {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      check(survey, rows.get(i), "[" + i + "]", errors);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    approval.changed(waveId);
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO survey_aggregate (wave_id, item, kind, value_code, sex, territory,
                  estimate, se, ci_lower, ci_upper, n, df)
                VALUES (:wave, :item, :kind, :value_code, :sex, :territory, :estimate, :se,
                        :ci_lower, :ci_upper, :n, :df)
                ON CONFLICT (wave_id, item, kind, value_code, sex, territory) DO UPDATE SET
                  estimate = EXCLUDED.estimate, se = EXCLUDED.se, ci_lower = EXCLUDED.ci_lower,
                  ci_upper = EXCLUDED.ci_upper, n = EXCLUDED.n, df = EXCLUDED.df
                """)) {
      for (AggregateInput r : rows) {
        double se = r.se() != null ? r.se() : (r.ciUpper() - r.ciLower()) / (2 * Z);
        s.setLong("wave", waveId).setString("item", r.item()).setString("kind", r.kind().name());
        s.setString("value_code", r.value() == null ? "" : r.value());
        s.setString("sex", r.sexOrTotal()).setString("territory", r.territoryOrTotal());
        s.setDouble("estimate", r.estimate()).setDouble("se", se);
        s.setObject("ci_lower", r.ciLower() != null ? r.ciLower() : r.estimate() - Z * se);
        s.setObject("ci_upper", r.ciUpper() != null ? r.ciUpper() : r.estimate() + Z * se);
        s.setLong("n", r.n()).setObject("df", r.df());
        s.addBatch();
      }
      s.executeBatch();
    }
    audit.imported("surveyAggregate", survey.code() + "/" + wave, rows);
  }

  private void check(SurveyDoc survey, AggregateInput r, String at, List<FieldError> errors) {
    SurveyDoc.Item item = survey.item(r.item());
    if (item == null) {
      errors.add(new FieldError(at + ".item", "survey.unknownItem", r.item()));
    } else if (r.value() != null
        && item.value(r.value()) == null
        && !(item.type() == ItemType.NUMERIC)) {
      errors.add(new FieldError(at + ".value", "survey.unknownValue", r.value(), r.item()));
    }
    if (!Set.of("F", "M", "_T").contains(r.sexOrTotal())) {
      errors.add(new FieldError(at + ".sex", "survey.sexCode", r.sex()));
    }
    if (!r.territoryOrTotal().equals("_T") && territories.find(r.territory()).isEmpty()) {
      errors.add(new FieldError(at + ".territory", "unknownTerritory", r.territory()));
    }
    boolean ci = r.ciLower() != null && r.ciUpper() != null;
    if (r.se() == null && !ci) {
      errors.add(new FieldError(at + ".se", "survey.seOrInterval"));
    }
    if (ci && !(r.ciLower() <= r.estimate() && r.estimate() <= r.ciUpper())) {
      errors.add(new FieldError(at + ".ciLower", "survey.intervalAround"));
    }
    if (r.kind() == org.atalaya.survey.estimate.EstimateKind.PROPORTION
        && !(r.estimate() >= 0 && r.estimate() <= 1)) {
      errors.add(new FieldError(at + ".estimate", "survey.proportionRange"));
    }
  }

  /** The stored figures for one request: by nothing, sex, territory, or sex × territory. */
  EstimatesService.Computed estimates(
      long waveId, SurveyDoc survey, EstimateRequest request, Locale locale) throws SQLException {
    Outcome outcome = Outcome.of(survey, request);
    boolean bySex = request.by().contains(EstimateRequest.SEX);
    boolean byTerritory = request.by().contains(EstimateRequest.TERRITORY);
    if (request.by().size() != (bySex ? 1 : 0) + (byTerritory ? 1 : 0)) {
      throw ApiException.invalid("by", "survey.aggregateDomains");
    }
    if (!request.filters().isEmpty()) {
      throw ApiException.invalid("filter", "survey.aggregateFilter", request.filter());
    }
    List<List<EstimateTable.DomainCode>> cells = new ArrayList<>();
    List<Estimate> estimates = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                SELECT sex, territory, estimate, se, ci_lower, ci_upper, n, df FROM survey_aggregate
                WHERE wave_id = :wave AND item = :item AND kind = :kind AND value_code = :value_code
                  AND ((sex = '_T' AND territory = '_T')
                       OR ((sex <> '_T') = :by_sex AND (territory <> '_T') = :by_territory))
                ORDER BY sex = '_T' AND territory = '_T' DESC, sex, territory
                """)) {
      s.setLong("wave", waveId).setString("item", outcome.item().code());
      s.setString("kind", request.kind().name());
      s.setString("value_code", outcome.value() == null ? "" : outcome.value().code());
      s.setBoolean("by_sex", bySex).setBoolean("by_territory", byTerritory);
      try (var r = s.executeQuery()) {
        while (r.next()) {
          String sex = r.getString("sex");
          String territory = r.getString("territory");
          List<EstimateTable.DomainCode> cell = new ArrayList<>();
          if (!sex.equals("_T")) {
            cell.add(
                new EstimateTable.DomainCode(
                    EstimateRequest.SEX, sex, Messages.format(locale, "survey.sex." + sex)));
          }
          if (!territory.equals("_T")) {
            String name = territories.find(territory).map(Territory::name).orElse(territory);
            cell.add(new EstimateTable.DomainCode(EstimateRequest.TERRITORY, territory, name));
          }
          cells.add(List.copyOf(cell));
          estimates.add(
              estimate(
                  request,
                  r.getDouble("estimate"),
                  r.getDouble("se"),
                  r.getDouble("ci_lower"),
                  r.getDouble("ci_upper"),
                  r.getLong("n"),
                  (Integer) r.getObject("df")));
        }
      }
    }
    return new EstimatesService.Computed(
        outcome, new WeightUsed("", WeightUsed.Source.NONE), cells, estimates);
  }

  private static Estimate estimate(
      EstimateRequest request,
      double estimate,
      double se,
      double lower,
      double upper,
      long n,
      Integer published) {
    int df = published != null ? published : (int) Math.max(0, Math.min(Integer.MAX_VALUE, n - 1));
    boolean interval = se > 0;
    return new Estimate(
        request.kind(),
        estimate,
        se,
        Double.NaN,
        n,
        df,
        interval ? lower : Double.NaN,
        interval ? upper : Double.NaN,
        estimate == 0 ? Double.NaN : se / estimate,
        interval ? null : NoInterval.NO_VARIATION);
  }
}
