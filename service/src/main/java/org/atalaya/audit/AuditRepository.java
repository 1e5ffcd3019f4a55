package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntry, Long> {
  @Query(
      """
      INSERT INTO audit_log (actor, action, entity, entity_key, before_json, after_json, reason)
      VALUES (:actor, :action, :entity, :key, CAST(:before AS jsonb), CAST(:after AS jsonb),
              :reason)
      """)
  void insert(
      String actor,
      String action,
      String entity,
      String key,
      @Nullable String before,
      @Nullable String after,
      @Nullable String reason);
}
