package org.atalaya.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {
  List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

  Optional<ApiToken> findByIdAndUserId(Long id, Long userId);

  /** Ends a token once: a second revocation changes nothing and reports 0. */
  @Query(
      "UPDATE api_token SET revoked_at = now(), revoked_by = :by, revoke_reason = :reason"
          + " WHERE id = :id AND revoked_at IS NULL")
  long revoke(Long id, String by, String reason);
}
