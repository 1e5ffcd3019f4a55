package org.atalaya.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionCardRepository extends CrudRepository<ActionCard, Long> {
  List<ActionCard> findByPlanIdOrderByPosition(Long planId);

  Optional<ActionCard> findByPlanIdAndCode(Long planId, String code);

  @Query(
      """
      SELECT i.code FROM action_partner p JOIN institution i ON i.id = p.institution_id
      WHERE p.action_id = :actionId ORDER BY p.position
      """)
  List<String> partnerCodes(Long actionId);

  @Query("DELETE FROM action_partner WHERE action_id = :actionId")
  void clearPartners(Long actionId);

  @Query(
      """
      INSERT INTO action_partner (action_id, institution_id, position)
      VALUES (:actionId, :institutionId, :position)
      """)
  void addPartner(Long actionId, Long institutionId, int position);
}
