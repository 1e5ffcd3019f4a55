package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/**
 * Accounts for scripts and their API tokens, for the API and the administration pages alike. A
 * token's secret leaves this class once, in the {@link Issued} answer; the audit log records the
 * token's name and dates, never the secret.
 */
@Singleton
public class ServiceAccounts {
  public static final int DEFAULT_DAYS = 90;
  public static final int MAX_DAYS = 366;
  static final int MAX_NAME = 80;

  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final AuditLog audit;
  private final SecurityService security;

  ServiceAccounts(
      UserRepository users, ApiTokenRepository tokens, AuditLog audit, SecurityService security) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.security = security;
  }

  /** A service account with its tokens, newest first. */
  @Serdeable
  public record Account(UserView account, List<TokenView> tokens) {}

  /** A token just issued: {@code secret} is shown this once and kept nowhere. */
  @Serdeable
  public record Issued(TokenView token, String secret) {}

  public List<Account> list() {
    Instant now = Instant.now();
    return users.listOrderByUsername().stream()
        .filter(AppUser::serviceAccount)
        .map(u -> new Account(UserView.of(u), views(u, now)))
        .toList();
  }

  public List<TokenView> tokens(String username) {
    return views(require(username), Instant.now());
  }

  @Transactional
  public UserView create(@Nullable String username, @Nullable Role role, @Nullable String reason) {
    List<FieldError> errors = new ArrayList<>();
    UserAdministration.checkUsername(username, errors);
    if (role == null) {
      errors.add(new FieldError("role", "NotNull"));
    } else if (role == Role.ADMIN) {
      // A script that can create users and grant roles is one leaked secret from a takeover.
      errors.add(new FieldError("role", "serviceAccount.admin"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    UserAdministration.checkReason(reason);
    if (users.findByUsername(username).isPresent()) {
      throw ApiException.conflict("username", "duplicate", username);
    }
    var saved = users.save(AppUser.service(username, role));
    var view = UserView.of(users.findById(saved.id()).orElseThrow());
    audit.created("user", view.username(), view, reason);
    return view;
  }

  @Transactional
  public Issued issue(
      String username, @Nullable String name, @Nullable Integer days, @Nullable String reason) {
    List<FieldError> errors = new ArrayList<>();
    String label = name == null ? "" : name.strip();
    if (label.isEmpty()) {
      errors.add(new FieldError("name", "NotBlank"));
    } else if (label.length() > MAX_NAME) {
      errors.add(new FieldError("name", "Size", 1, MAX_NAME));
    }
    int lifetime = days == null ? DEFAULT_DAYS : days;
    if (lifetime < 1 || lifetime > MAX_DAYS) {
      errors.add(new FieldError("expiresInDays", "apiToken.days", MAX_DAYS));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    UserAdministration.checkReason(reason);
    AppUser account = require(username);
    if (!account.enabled()) {
      throw ApiException.conflict("username", "serviceAccount.disabled", username);
    }
    String secret = TokenSecrets.generate();
    Instant expires = Instant.now().plus(Duration.ofDays(lifetime));
    ApiToken saved =
        tokens.save(
            ApiToken.issue(account.id(), label, TokenSecrets.sha256(secret), actor(), expires));
    TokenView view =
        TokenView.of(username, tokens.findById(saved.id()).orElseThrow(), Instant.now());
    audit.created("apiToken", key(view), view, reason);
    return new Issued(view, secret);
  }

  @Transactional
  public TokenView revoke(String username, long id, @Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("reason", "NotBlank");
    }
    UserAdministration.checkReason(reason);
    AppUser account = require(username);
    ApiToken before =
        tokens
            .findByIdAndUserId(id, account.id())
            .orElseThrow(() -> ApiException.notFound("apiToken", username + "/" + id));
    if (tokens.revoke(id, actor(), reason.strip()) == 0) {
      throw ApiException.conflict("id", "apiToken.revoked", id);
    }
    Instant now = Instant.now();
    TokenView after = TokenView.of(username, tokens.findById(id).orElseThrow(), now);
    audit.updated("apiToken", key(after), TokenView.of(username, before, now), after, reason);
    return after;
  }

  private List<TokenView> views(AppUser account, Instant now) {
    return tokens.findByUserIdOrderByCreatedAtDesc(account.id()).stream()
        .map(t -> TokenView.of(account.username(), t, now))
        .toList();
  }

  private AppUser require(String username) {
    return users
        .findByUsername(username)
        .filter(AppUser::serviceAccount)
        .orElseThrow(() -> ApiException.notFound("serviceAccount", username));
  }

  private String actor() {
    return security.username().orElse("system");
  }

  private static String key(TokenView token) {
    return token.account() + "/" + token.id();
  }
}
