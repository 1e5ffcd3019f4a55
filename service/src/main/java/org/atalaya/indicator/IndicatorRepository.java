package org.atalaya.indicator;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IndicatorRepository extends CrudRepository<Indicator, Long> {
  Optional<Indicator> findByCode(String code);

  List<Indicator> listOrderByCode();

  List<Indicator> findByCodeIn(Collection<String> codes);

  @Query(
      """
      SELECT i.* FROM indicator i JOIN action_card c ON c.id = i.action_card_id
      JOIN plan p ON p.id = c.plan_id WHERE p.code = :planCode ORDER BY c.position, i.code
      """)
  List<Indicator> findByPlanCode(String planCode);

  /** The district of each indicator's plan: where its totals live. */
  @Query(
      """
      SELECT i.id AS indicator_id, p.territory_id AS district_id FROM indicator i
      JOIN action_card c ON c.id = i.action_card_id JOIN plan p ON p.id = c.plan_id
      """)
  List<PlanDistrict> planDistricts();

  @io.micronaut.core.annotation.Introspected
  record PlanDistrict(Long indicatorId, Long districtId) {}

  @Query(
      """
      SELECT p.territory_id FROM indicator i JOIN action_card c ON c.id = i.action_card_id
      JOIN plan p ON p.id = c.plan_id WHERE i.id = :indicatorId
      """)
  Optional<Long> planDistrict(Long indicatorId);

  @Query("SELECT EXISTS (SELECT 1 FROM measurement WHERE indicator_id = :id)")
  boolean hasMeasurements(Long id);
}
