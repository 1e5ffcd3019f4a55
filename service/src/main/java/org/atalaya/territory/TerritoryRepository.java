package org.atalaya.territory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TerritoryRepository extends CrudRepository<Territory, Long> {
  Optional<Territory> findByCode(String code);

  Optional<Territory> findByOfficialCode(String officialCode);

  List<Territory> findByParentIdOrderByCode(Long parentId);

  @Query("SELECT * FROM territory ORDER BY level = 'BARRIO', level = 'CORREGIMIENTO', code")
  List<Territory> listInHierarchyOrder();

  @Query(
      """
      SELECT EXISTS (SELECT 1 FROM territory WHERE parent_id = :id)
          OR EXISTS (SELECT 1 FROM plan WHERE territory_id = :id)
      """)
  boolean isReferenced(Long id);
}
