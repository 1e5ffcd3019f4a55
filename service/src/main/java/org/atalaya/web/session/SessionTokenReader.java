package org.atalaya.web.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.atalaya.web.SessionCookie;

/**
 * Reads the JWT from the session cookie, next to the bearer header the API uses; the validation
 * (signature, expiry, revocation) is the same for both.
 */
@Singleton
class SessionTokenReader implements TokenReader<HttpRequest<?>> {
  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    return SessionCookie.read(request);
  }

  @Override
  public int getOrder() {
    // After the bearer reader: an explicit Authorization header wins over a cookie.
    return 100;
  }
}
