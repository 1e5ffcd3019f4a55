package org.atalaya.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AxisRepository extends CrudRepository<Axis, Long> {
  List<Axis> findByPlanIdOrderByPosition(Long planId);

  Optional<Axis> findByPlanIdAndCode(Long planId, String code);
}
