package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * A token speaks for its account only while the account stays as it was when the token was issued:
 * disabling a user, or changing their role, ends the tokens they already hold instead of leaving
 * them working until they expire.
 */
@Singleton
class ActiveAccountValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
  private final UserRepository users;

  ActiveAccountValidator(UserRepository users) {
    this.users = users;
  }

  @Override
  public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
    Object subject = claims.get(Claims.SUBJECT);
    if (subject == null) {
      return false;
    }
    return users
        .findByUsername(subject.toString())
        .filter(AppUser::enabled)
        .filter(user -> user.acceptsTokenIssuedAt(issuedAt(claims)))
        .filter(user -> roles(claims.get("roles")).equals(List.of(user.role().name())))
        .isPresent();
  }

  private static Instant issuedAt(Claims claims) {
    Object iat = claims.get(Claims.ISSUED_AT);
    if (iat instanceof Date date) {
      return date.toInstant();
    }
    if (iat instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    return Instant.EPOCH; // no issue time: only accounts never reset accept it
  }

  private static List<String> roles(@Nullable Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(claim.toString());
  }
}
