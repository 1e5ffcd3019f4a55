package org.atalaya.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlanRepository extends CrudRepository<Plan, Long> {
  Optional<Plan> findByCode(String code);

  List<Plan> listOrderByPeriodStartDescAndCode();

  List<Plan> findByStatusOrderByPeriodStartDescAndCode(PlanStatus status);

  @Query("UPDATE plan SET version = version + 1 WHERE id = :id")
  void touch(Long id);
}
