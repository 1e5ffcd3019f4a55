package org.atalaya.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionCardRepository extends CrudRepository<ActionCard, Long> {
  List<ActionCard> findByPlanIdOrderByPosition(Long planId);

  Optional<ActionCard> findByPlanIdAndCode(Long planId, String code);

  /** How other features name the given cards: by plan code and card code, in one query. */
  @Query(
      """
      SELECT c.id AS card_id, p.code AS plan, c.code AS code
        FROM action_card c JOIN plan p ON p.id = c.plan_id WHERE c.id IN (:cardIds)
      """)
  List<CardRef> refs(Collection<Long> cardIds);

  @io.micronaut.core.annotation.Introspected
  record CardRef(Long cardId, String plan, String code) {}

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
