package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A service account's API token as stored: the secret's SHA-256, never the secret. */
@MappedEntity("api_token")
record ApiToken(
    @Nullable @Id @GeneratedValue Long id,
    Long userId,
    String name,
    @MappedProperty("secret_sha256") String secretSha256,
    String createdBy,
    @Nullable @GeneratedValue Instant createdAt,
    Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    @Nullable String revokedBy,
    @Nullable String revokeReason) {

  static ApiToken issue(
      Long userId, String name, String secretSha256, String createdBy, Instant expiresAt) {
    return new ApiToken(
        null, userId, name, secretSha256, createdBy, null, expiresAt, null, null, null, null);
  }
}
