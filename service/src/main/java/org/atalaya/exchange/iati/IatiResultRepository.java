package org.atalaya.exchange.iati;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The table {@code iati_result}: a project's result indicators, in the order they are listed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IatiResultRepository extends GenericRepository<IatiResultRepository.Link, String> {

  /** One row; the entity type only names the table to Micronaut Data. */
  @io.micronaut.data.annotation.MappedEntity("iati_result")
  record Link(
      @io.micronaut.data.annotation.Id String indicatorCode,
      String planCode,
      String projectCode,
      int position) {}

  @Query(
      """
      SELECT indicator_code, plan_code, project_code, position FROM iati_result
      WHERE plan_code = :planCode ORDER BY project_code, position
      """)
  List<Link> findByPlan(String planCode);

  @Query("DELETE FROM iati_result WHERE plan_code = :planCode AND project_code = :projectCode")
  void deleteProject(String planCode, String projectCode);

  @Query(
      """
      INSERT INTO iati_result (plan_code, project_code, indicator_code, position)
      VALUES (:planCode, :projectCode, :indicatorCode, :position)
      """)
  void insert(String planCode, String projectCode, String indicatorCode, int position);
}
