package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Authorization: Bearer atl_…} signs a script in as its service account, next to the JWTs
 * people get at login. The token is looked up by its hash on every request, so a revocation, an
 * expiry or the account being disabled refuses the very next call. Anything else (a JWT) is left to
 * the other validators.
 */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {
  static final String TOKEN_ID = "apiToken";
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenValidator.class);

  private final Lookup lookup;
  private final ClientAddress clients;
  private final ExecutorService blocking;

  ApiTokenValidator(
      Lookup lookup,
      ClientAddress clients,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.lookup = lookup;
    this.clients = clients;
    this.blocking = blocking;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
    if (!TokenSecrets.looksLikeSecret(token) || !fromHeader(token, request)) {
      return Publishers.empty();
    }
    // Off the event loop: the lookup is a database query. No result means "not signed in".
    return Publishers.fromCompletableFuture(
        () -> CompletableFuture.supplyAsync(() -> check(token, request), blocking));
  }

  private @Nullable Authentication check(String token, HttpRequest<?> request) {
    var found = lookup.find(token);
    if (found.isEmpty()) {
      // Never the token itself: only that one was refused, and from where.
      LOG.warn(
          "Refused an API token from {}: unknown, revoked, expired or of a disabled account",
          clients.of(request));
    }
    return found.orElse(null);
  }

  /** API tokens are for scripts, sent in the header; one planted in a cookie is not honoured. */
  private static boolean fromHeader(String token, @Nullable HttpRequest<?> request) {
    return request != null
        && request.getHeaders().getAuthorization().map(h -> h.endsWith(token)).orElse(false);
  }

  @Override
  public int getOrder() {
    return 0;
  }

  /** The database side, a bean of its own so that its connection is managed. */
  @Singleton
  static class Lookup {
    private static final String FIND =
        """
        SELECT t.id, u.username, u.role FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.secret_sha256 = :secret AND t.revoked_at IS NULL AND t.expires_at > now()
          AND u.enabled AND u.service_account
        """;

    /** Last use to the minute: enough to spot an idle token, without a write per request. */
    private static final String TOUCH =
        "UPDATE api_token SET last_used_at = now() WHERE id = :id"
            + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')";

    private final DataSource dataSource;

    Lookup(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Connectable
    Optional<Authentication> find(String token) {
      try (var c = dataSource.getConnection();
          var s = NamedStatement.prepare(c, FIND)) {
        s.setString("secret", TokenSecrets.sha256(token));
        try (var rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          long id = rs.getLong("id");
          try (var touch = NamedStatement.prepare(c, TOUCH)) {
            touch.setLong("id", id).executeUpdate();
          }
          return Optional.of(
              Authentication.build(
                  rs.getString("username"), List.of(rs.getString("role")), Map.of(TOKEN_ID, id)));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not check the API token", e);
      }
    }
  }
}
