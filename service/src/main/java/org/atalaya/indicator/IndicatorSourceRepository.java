package org.atalaya.indicator;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IndicatorSourceRepository extends CrudRepository<IndicatorSource, Long> {
  List<IndicatorSource> findByIndicatorIdOrderById(Long indicatorId);

  List<IndicatorSource> findByIndicatorIdInOrderById(Collection<Long> indicatorIds);

  @io.micronaut.data.annotation.Query(
      "SELECT EXISTS (SELECT 1 FROM measurement WHERE source_id = :sourceId)")
  boolean hasMeasurements(Long sourceId);
}
