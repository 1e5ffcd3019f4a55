package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A user as administrators see it (and as the audit log records it): never the password hash.
 *
 * @param locked locked out for now after repeated failed logins
 * @param serviceAccount an account for scripts, without a password, acting through API tokens
 */
@Serdeable
public record UserView(
    String username,
    Role role,
    boolean enabled,
    boolean locked,
    boolean serviceAccount,
    @Nullable Instant createdAt) {

  static UserView of(AppUser u) {
    return new UserView(
        u.username(),
        u.role(),
        u.enabled(),
        u.lockedAt(Instant.now()),
        u.serviceAccount(),
        u.createdAt());
  }
}
