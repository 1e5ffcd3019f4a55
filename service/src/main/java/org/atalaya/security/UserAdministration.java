package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;

/** Changes to other people's accounts, each audited with the administrator's reason. */
@Singleton
class UserAdministration {
  private final UserRepository users;
  private final Passwords passwords;
  private final AuditLog audit;

  UserAdministration(UserRepository users, Passwords passwords, AuditLog audit) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
  }

  @Transactional
  UserController.UserView change(
      String username, Role role, boolean enabled, @Nullable String reason) {
    AppUser before = require(username);
    boolean stillAdmin = role == Role.ADMIN && enabled;
    if (before.role() == Role.ADMIN && before.enabled() && !stillAdmin) {
      // Locked: two administrators demoting each other at once must not both succeed.
      users.lockAdmins();
      if (users.countEnabledAdmins() <= 1) {
        throw ApiException.conflict("role", "user.lastAdmin", username);
      }
    }
    users.updateRoleAndEnabled(before.id(), role, enabled);
    var after = UserController.UserView.of(users.findById(before.id()).orElseThrow());
    audit.updated("user", username, UserController.UserView.of(before), after, reason);
    return after;
  }

  @Transactional
  void resetPassword(String username, String password, @Nullable String reason) {
    AppUser user = require(username);
    users.updatePassword(user.id(), passwords.hash(password));
    users.clearFailures(user.id());
    users.endIssuedTokens(user.id());
    audit.updated("user", username, Map.of("password", "***"), Map.of("password", "reset"), reason);
  }

  private AppUser require(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> ApiException.notFound("user", username));
  }
}
