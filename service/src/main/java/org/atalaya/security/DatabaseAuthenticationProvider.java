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

  /**
   * Checked against when the user does not exist, so timing does not reveal which names exist: an
   * Argon2id hash with {@link Passwords}' parameters of a random password nobody kept. Its result
   * is thrown away, so it needs no secret; a constant spares every start one hash (about a second
   * of CPU on a loaded machine), and the first unknown name costs one check like the others.
   */
  static final String UNKNOWN_USER_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$67NngHeYIGQHcbRKMoPhbA"
          + "$FsxcIl0X1yHXFJ5+B0+SMRYQwZ00HPpIsE5VBnDXWYQ";

  private final UserRepository users;
  private final Passwords passwords;

  DatabaseAuthenticationProvider(UserRepository users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  @Override
  public AuthenticationResponse authenticate(
      HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
    var found = users.findByUsername(auth.getIdentity());
    if (found.isEmpty()) {
      passwords.matches(auth.getSecret(), UNKNOWN_USER_HASH);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    AppUser user = found.get();
    if (user.serviceAccount()) {
      // Scripts act through API tokens; nobody signs in as a service account with a password.
      passwords.matches(auth.getSecret(), UNKNOWN_USER_HASH);
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
