package org.atalaya.web.session;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Every token we issue carries an id (jti), so that a logout can revoke exactly that token. */
@Singleton
class TokenIds implements JtiGenerator {
  @Override
  public String generateJtiClaim() {
    return UUID.randomUUID().toString();
  }
}
