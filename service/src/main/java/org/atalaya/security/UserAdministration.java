package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/**
 * Administrators' work on accounts, shared by the API and the administration pages: each rule is
 * checked here, so both refuse the same input with the same message, and each change is audited
 * with the administrator's reason.
 */
@Singleton
public class UserAdministration {
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");
  static final int MAX_USERNAME = 80;
  static final int MAX_PASSWORD = 200;
  static final int MAX_REASON = 500;

  private final UserRepository users;
  private final Passwords passwords;
  private final AuditLog audit;

  UserAdministration(UserRepository users, Passwords passwords, AuditLog audit) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
  }

  public List<UserView> list() {
    return users.listOrderByUsername().stream().map(UserView::of).toList();
  }

  @Transactional
  public UserView create(
      @Nullable String username, @Nullable String password, @Nullable Role role) {
    List<FieldError> errors = new ArrayList<>();
    checkUsername(username, errors);
    checkPassword(password, errors);
    if (role == null) {
      errors.add(new FieldError("role", "NotNull"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (users.findByUsername(username).isPresent()) {
      throw ApiException.conflict("username", "duplicate", username);
    }
    var saved = users.save(AppUser.create(username, passwords.hash(password), role));
    var view = UserView.of(users.findById(saved.id()).orElseThrow());
    audit.created("user", view.username(), view);
    return view;
  }

  @Transactional
  public UserView change(String username, Role role, boolean enabled, @Nullable String reason) {
    checkReason(reason);
    AppUser before = require(username);
    if (before.serviceAccount() && role == Role.ADMIN) {
      throw ApiException.invalid("role", "serviceAccount.admin");
    }
    boolean stillAdmin = role == Role.ADMIN && enabled;
    if (before.role() == Role.ADMIN && before.enabled() && !stillAdmin) {
      // Locked: two administrators demoting each other at once must not both succeed.
      users.lockAdmins();
      if (users.countEnabledAdmins() <= 1) {
        throw ApiException.conflict("role", "user.lastAdmin", username);
      }
    }
    users.updateRoleAndEnabled(before.id(), role, enabled);
    var after = UserView.of(users.findById(before.id()).orElseThrow());
    audit.updated("user", username, UserView.of(before), after, reason);
    return after;
  }

  @Transactional
  public void resetPassword(String username, @Nullable String password, @Nullable String reason) {
    List<FieldError> errors = new ArrayList<>();
    checkPassword(password, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    checkReason(reason);
    AppUser user = require(username);
    if (user.serviceAccount()) {
      throw ApiException.conflict("password", "serviceAccount.noPassword", username);
    }
    users.updatePassword(user.id(), passwords.hash(password));
    users.clearFailures(user.id());
    users.endIssuedTokens(user.id());
    audit.updated("user", username, Map.of("password", "***"), Map.of("password", "reset"), reason);
  }

  static void checkUsername(@Nullable String username, List<FieldError> errors) {
    if (username == null || username.isBlank()) {
      errors.add(new FieldError("username", "NotBlank"));
    } else if (username.length() > MAX_USERNAME) {
      errors.add(new FieldError("username", "Size", 1, MAX_USERNAME));
    } else if (!USERNAME.matcher(username).matches()) {
      errors.add(new FieldError("username", "Pattern"));
    }
  }

  private static void checkPassword(@Nullable String password, List<FieldError> errors) {
    if (password == null || password.isBlank()) {
      errors.add(new FieldError("password", "NotBlank"));
    } else if (password.length() < Passwords.MIN_LENGTH || password.length() > MAX_PASSWORD) {
      errors.add(new FieldError("password", "Size", Passwords.MIN_LENGTH, MAX_PASSWORD));
    }
  }

  static void checkReason(@Nullable String reason) {
    if (reason != null && reason.length() > MAX_REASON) {
      throw ApiException.invalid("reason", "Size", 0, MAX_REASON);
    }
  }

  private AppUser require(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> ApiException.notFound("user", username));
  }
}
