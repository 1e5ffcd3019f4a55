package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.audit.AuditLog;
import org.atalaya.database.NamedStatement;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/**
 * What a signed-in person does with their own account, for the API ({@code /api/me/password}) and
 * the account page alike: read their role and institution, change their password after proving they
 * know the current one. The same rules refuse the same input in both.
 */
@Singleton
public class OwnAccount {
  private final UserRepository users;
  private final Passwords passwords;
  private final AuditLog audit;
  private final DataSource dataSource;

  OwnAccount(UserRepository users, Passwords passwords, AuditLog audit, DataSource dataSource) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.dataSource = dataSource;
  }

  /**
   * @param institution the institution's name, null when the person belongs to none
   */
  public record Account(
      String username, Role role, @Nullable String institution, boolean serviceAccount) {}

  @Transactional(readOnly = true)
  public Account show(String username) throws SQLException {
    AppUser user =
        users.findByUsername(username).orElseThrow(() -> ApiException.notFound("user", username));
    return new Account(user.username(), user.role(), institution(username), user.serviceAccount());
  }

  /**
   * Changes the password; {@code repeated} (the page's second field) must match when given. Field
   * errors name {@code current}, {@code next} and {@code repeated}.
   */
  @Transactional
  public void changePassword(
      String username, @Nullable String current, @Nullable String next, @Nullable String repeated) {
    AppUser user = users.findByUsername(username).orElseThrow();
    if (user.serviceAccount()) {
      throw ApiException.conflict("current", "serviceAccount.noPassword", user.username());
    }
    List<FieldError> errors = new ArrayList<>();
    if (current == null || current.isEmpty()) {
      errors.add(new FieldError("current", "NotBlank"));
    }
    if (next == null || next.isBlank()) {
      errors.add(new FieldError("next", "NotBlank"));
    } else if (next.length() < Passwords.MIN_LENGTH
        || next.length() > UserAdministration.MAX_PASSWORD) {
      errors.add(
          new FieldError("next", "Size", Passwords.MIN_LENGTH, UserAdministration.MAX_PASSWORD));
    } else if (repeated != null && !repeated.equals(next)) {
      errors.add(new FieldError("repeated", "passwordMismatch"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (!passwords.matches(current, user.passwordHash())) {
      throw ApiException.invalid("current", "wrongPassword");
    }
    users.updatePassword(user.id(), passwords.hash(next));
    audit.updated("user", user.username(), "password", "password changed");
  }

  private @Nullable String institution(String username) throws SQLException {
    try (var c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT i.name FROM app_user u JOIN institution i ON i.id = u.institution_id"
                    + " WHERE u.username = :username")) {
      return s.setString("username", username).first(rs -> rs.getString("name")).orElse(null);
    }
  }
}
