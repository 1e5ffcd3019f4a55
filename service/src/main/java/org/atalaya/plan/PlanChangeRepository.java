package org.atalaya.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlanChangeRepository extends CrudRepository<PlanChange, Long> {
  List<PlanChange> findByStatusOrderById(PlanChangeStatus status);

  List<PlanChange> findByPlanIdOrderByIdDesc(Long planId);

  Optional<PlanChange> findByPlanIdAndStatus(Long planId, PlanChangeStatus status);

  List<PlanChange> findByPlanIdAndStatusOrderById(Long planId, PlanChangeStatus status);
}
