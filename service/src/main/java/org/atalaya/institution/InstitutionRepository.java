package org.atalaya.institution;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InstitutionRepository extends CrudRepository<Institution, Long> {
  Optional<Institution> findByCode(String code);

  List<Institution> listOrderByCode();

  @Query(
      """
      SELECT EXISTS (SELECT 1 FROM action_card WHERE lead_institution_id = :id)
          OR EXISTS (SELECT 1 FROM action_partner WHERE institution_id = :id)
          OR EXISTS (SELECT 1 FROM project WHERE lead_institution_id = :id)
      """)
  boolean isReferenced(Long id);
}
