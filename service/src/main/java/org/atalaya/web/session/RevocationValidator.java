package org.atalaya.web.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.atalaya.security.RevokedTokens;

/**
 * A logout really ends a token, cookie or bearer alike: a token without an id, or whose id was
 * revoked, is refused. Only requests that carry a token pay for the lookup.
 */
@Singleton
class RevocationValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
  private final RevokedTokens revoked;

  RevocationValidator(RevokedTokens revoked) {
    this.revoked = revoked;
  }

  @Override
  public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
    Object jti = claims.get(Claims.TOKEN_ID);
    return jti != null && !revoked.isRevoked(jti.toString());
  }
}
