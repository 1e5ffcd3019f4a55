package org.atalaya.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<AppUser, Long> {
  Optional<AppUser> findByUsername(String username);

  boolean existsByRole(Role role);

  List<AppUser> listOrderByUsername();

  @Query("UPDATE app_user SET role = :role, enabled = :enabled WHERE id = :id")
  void updateRoleAndEnabled(Long id, Role role, boolean enabled);

  @Query("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled")
  long countEnabledAdmins();

  @Query("SELECT id FROM app_user WHERE role = 'ADMIN' ORDER BY id FOR UPDATE")
  java.util.List<Long> lockAdmins();

  /** Whole seconds, as a JWT's issue time: tokens issued from the next second on still count. */
  @Query(
      "UPDATE app_user SET tokens_valid_from = date_trunc('second', now()) + interval '1 second'"
          + " WHERE id = :id")
  void endIssuedTokens(Long id);

  @Query("UPDATE app_user SET password_hash = :hash WHERE id = :id")
  void updatePassword(Long id, String hash);

  @Query("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
  void clearFailures(Long id);

  @Query(
      "UPDATE app_user SET failed_attempts = failed_attempts + 1,"
          + " locked_until = CASE WHEN failed_attempts + 1 >= :limit THEN CAST(:lockUntil AS timestamptz) END"
          + " WHERE id = :id")
  void recordFailure(Long id, int limit, Instant lockUntil);
}
