package org.atalaya.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProjectRepository extends CrudRepository<Project, Long> {
  List<Project> findByPlanIdOrderByPosition(Long planId);

  Optional<Project> findByPlanIdAndCode(Long planId, String code);
}
