package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An API token as anyone sees it after it was issued: what it is for and its state, no secret. */
@Serdeable
public record TokenView(
    long id,
    String account,
    String name,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    @Nullable String revokedBy,
    @Nullable String revokeReason,
    State state) {

  public enum State {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  static TokenView of(String account, ApiToken t, Instant now) {
    State state =
        t.revokedAt() != null
            ? State.REVOKED
            : t.expiresAt().isAfter(now) ? State.ACTIVE : State.EXPIRED;
    return new TokenView(
        t.id(),
        account,
        t.name(),
        t.createdBy(),
        t.createdAt(),
        t.expiresAt(),
        t.lastUsedAt(),
        t.revokedAt(),
        t.revokedBy(),
        t.revokeReason(),
        state);
  }

  public boolean active() {
    return state == State.ACTIVE;
  }
}
