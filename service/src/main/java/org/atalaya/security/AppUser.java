package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("app_user")
record AppUser(
    @Nullable @Id @GeneratedValue Long id,
    String username,
    @Nullable String passwordHash,
    Role role,
    boolean enabled,
    int failedAttempts,
    @Nullable Instant lockedUntil,
    @Nullable @GeneratedValue Instant createdAt,
    @Nullable Instant tokensValidFrom,
    boolean serviceAccount) {

  static AppUser create(String username, String passwordHash, Role role) {
    return new AppUser(null, username, passwordHash, role, true, 0, null, null, null, false);
  }

  /** An account for scripts: no password, it acts only through its API tokens. */
  static AppUser service(String username, Role role) {
    return new AppUser(null, username, null, role, true, 0, null, null, null, true);
  }

  /** Whether a token issued at {@code issuedAt} (whole seconds, as JWTs carry it) still counts. */
  boolean acceptsTokenIssuedAt(Instant issuedAt) {
    return tokensValidFrom == null || !issuedAt.isBefore(tokensValidFrom);
  }

  boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
