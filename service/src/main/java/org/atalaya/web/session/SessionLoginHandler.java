package org.atalaya.web.session;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.token.bearer.AccessRefreshTokenLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.atalaya.security.ClientAddress;
import org.atalaya.security.DatabaseAuthenticationProvider;
import org.atalaya.security.LoginThrottle;
import org.atalaya.web.SafePaths;
import org.atalaya.web.SessionCookie;

/**
 * {@code POST /login} answers two callers. A JSON body (the API) gets its bearer token as before; a
 * form posted by the login page gets the same token in the session cookie and a redirect, or a
 * redirect back to the form with the reason. The credentials are checked once, by the same provider
 * (lockout and all); every failure counts against the client's address.
 */
@Singleton
@Replaces(AccessRefreshTokenLoginHandler.class)
class SessionLoginHandler extends AccessRefreshTokenLoginHandler {
  private final Duration lifetime;
  private final LoginThrottle throttle;
  private final ClientAddress clients;

  SessionLoginHandler(
      AccessRefreshTokenGenerator generator,
      @Value("${micronaut.security.token.generator.access-token.expiration:3600}") int seconds,
      LoginThrottle throttle,
      ClientAddress clients) {
    super(generator);
    this.lifetime = Duration.ofSeconds(seconds);
    this.throttle = throttle;
    this.clients = clients;
  }

  static boolean fromForm(HttpRequest<?> request) {
    return request
        .getContentType()
        .map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
        .orElse(false);
  }

  @Override
  public MutableHttpResponse<?> loginSuccess(Authentication auth, HttpRequest<?> request) {
    if (!fromForm(request)) {
      return super.loginSuccess(auth, request);
    }
    String token =
        accessRefreshTokenGenerator
            .generate(auth)
            .map(AccessRefreshToken::getAccessToken)
            .orElseThrow(() -> new IllegalStateException("no token generated"));
    String back = SafePaths.orHome(request.getParameters().get("volver"));
    return HttpResponse.seeOther(URI.create(back)).cookie(SessionCookie.of(token, lifetime));
  }

  @Override
  public MutableHttpResponse<?> loginFailed(
      AuthenticationResponse failure, HttpRequest<?> request) {
    // Every failure, JSON or form, counts against the client's address (LoginThrottleFilter).
    throttle.failed(clients.of(request), Instant.now());
    if (!fromForm(request)) {
      return super.loginFailed(failure, request);
    }
    String reason =
        failure.getMessage().filter(DatabaseAuthenticationProvider.LOCKED::equals).isPresent()
            ? "bloqueada"
            : "credenciales";
    return HttpResponse.seeOther(URI.create("/entrar?error=" + reason));
  }
}
