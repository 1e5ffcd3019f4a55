package org.atalaya.indicator;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TargetRepository extends CrudRepository<Target, Long> {
  List<Target> findByIndicatorIdOrderById(Long indicatorId);

  @Query("DELETE FROM target WHERE indicator_id = :indicatorId")
  void deleteForIndicator(Long indicatorId);

  @Query(
      "INSERT INTO target_milestone (target_id, period, value) VALUES (:targetId, :period, :value)")
  void addMilestone(Long targetId, LocalDate period, BigDecimal value);

  @Query("SELECT period, value FROM target_milestone WHERE target_id = :targetId ORDER BY period")
  List<IndicatorDoc.Point> milestones(Long targetId);
}
