package org.atalaya.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.atalaya.shared.ProblemResponses;

/**
 * Checks a username and password against the users table. After {@value #MAX_FAILURES} failures in
 * a row the account locks for a quarter of an hour.
 */
@Singleton
public class DatabaseAuthenticationProvider<B>
    implements HttpRequestExecutorAuthenticationProvider<B> {
  static final int MAX_FAILURES = 5;
  static final Duration LOCK = Duration.ofMinutes(15);

  /** The login handler passes on only the failure's message, so the lock is told by its text. */
  public static final String LOCKED = ProblemResponses.ACCOUNT_LOCKED;

  private final UserRepository users;
  private final Passwords passwords;
  private final String unknownUserHash;

  DatabaseAuthenticationProvider(UserRepository users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
    // Checked against when the user does not exist, so timing does not reveal which names exist.
    this.unknownUserHash = passwords.hash("not-a-real-password-" + System.nanoTime());
  }

  @Override
  public AuthenticationResponse authenticate(
      HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
    var found = users.findByUsername(auth.getIdentity());
    if (found.isEmpty()) {
      passwords.matches(auth.getSecret(), unknownUserHash);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    AppUser user = found.get();
    if (user.serviceAccount()) {
      // Scripts act through API tokens; nobody signs in as a service account with a password.
      passwords.matches(auth.getSecret(), unknownUserHash);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    Instant now = Instant.now();
    if (!user.enabled()) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
    }
    if (user.lockedAt(now)) {
      return AuthenticationResponse.failure(LOCKED);
    }
    if (user.lockedUntil() != null) {
      // The lock ran out: the next attempts count afresh.
      users.clearFailures(user.id());
      user = users.findById(user.id()).orElseThrow();
    }
    if (!passwords.matches(auth.getSecret(), user.passwordHash())) {
      users.recordFailure(user.id(), MAX_FAILURES, now.plus(LOCK));
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    if (user.failedAttempts() > 0) {
      users.clearFailures(user.id());
    }
    return AuthenticationResponse.success(user.username(), List.of(user.role().name()));
  }
}
