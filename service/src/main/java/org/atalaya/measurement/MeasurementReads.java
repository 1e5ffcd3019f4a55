package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Indicator;

/** A cell's story: its current value and every earlier one, newest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MeasurementReads extends GenericRepository<Indicator, Long> {

  @Serdeable
  @io.micronaut.core.annotation.Introspected
  record Version(
      int revision,
      BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator,
      String status,
      String recordedBy,
      Instant recordedAt,
      @Nullable String reason) {}

  @Query(
      """
      SELECT revision, value, numerator, denominator, status, recorded_by, recorded_at,
             (SELECT r.reason FROM measurement_revision r
              WHERE r.indicator_id = m.indicator_id AND r.source_id = m.source_id
                AND r.period_start = m.period_start AND r.sex = m.sex
                AND r.territory_id = m.territory_id AND r.age_group = m.age_group
                AND r.revision = m.revision) AS reason
      FROM measurement m
      WHERE indicator_id = :indicatorId AND source_id = :sourceId AND period_start = :period
        AND sex = :sex AND territory_id = :territoryId AND age_group = :ageGroup
      UNION ALL
      SELECT r.revision - 1, r.old_value, r.old_numerator, r.old_denominator, r.old_status,
             r.old_recorded_by, r.old_recorded_at,
             (SELECT p.reason FROM measurement_revision p
              WHERE p.indicator_id = r.indicator_id AND p.source_id = r.source_id
                AND p.period_start = r.period_start AND p.sex = r.sex
                AND p.territory_id = r.territory_id AND p.age_group = r.age_group
                AND p.revision = r.revision - 1)
      FROM measurement_revision r
      WHERE indicator_id = :indicatorId AND source_id = :sourceId AND period_start = :period
        AND sex = :sex AND territory_id = :territoryId AND age_group = :ageGroup
      ORDER BY 1 DESC
      """)
  List<Version> history(
      Long indicatorId,
      Long sourceId,
      LocalDate period,
      String sex,
      Long territoryId,
      String ageGroup);
}
