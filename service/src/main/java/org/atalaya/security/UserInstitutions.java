package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.audit.AuditLog;
import org.atalaya.database.NamedStatement;
import org.atalaya.shared.ApiException;

/**
 * The institution each person works for ({@code app_user.institution_id}), which the
 * "other-institution" validation rule compares with the institution that reported the figures. The
 * API and the users page set it through here, audited with the administrator's reason.
 */
@Singleton
public class UserInstitutions {
  private final DataSource dataSource;
  private final AuditLog audit;

  UserInstitutions(DataSource dataSource, AuditLog audit) {
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /** Every person's institution code, by username; people without one are absent. */
  @Transactional(readOnly = true)
  public Map<String, String> all() throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (var c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT u.username, i.code AS institution FROM app_user u"
                    + " JOIN institution i ON i.id = u.institution_id");
        var rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString("username"), rs.getString("institution"));
      }
    }
    return out;
  }

  /** The person's institution code, null for none; an unknown person is "not found". */
  @Transactional(readOnly = true)
  public @Nullable String of(String username) throws SQLException {
    try (var c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT i.code FROM app_user u LEFT JOIN institution i ON i.id = u.institution_id"
                    + " WHERE u.username = :username")) {
      s.setString("username", username);
      try (var r = s.executeQuery()) {
        if (!r.next()) {
          throw ApiException.notFound("user", username);
        }
        return r.getString("code");
      }
    }
  }

  /** Refuses, as "not found", an institution code that names none; blank passes (none). */
  @Transactional(readOnly = true)
  public void requireKnown(@Nullable String institution) throws SQLException {
    if (institution == null || institution.isBlank()) {
      return;
    }
    try (var c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, "SELECT 1 FROM institution WHERE code = :code")) {
      s.setString("code", institution.strip());
      try (var r = s.executeQuery()) {
        if (!r.next()) {
          throw ApiException.notFound("institution", institution.strip());
        }
      }
    }
  }

  /** Sets (or, with a blank code, clears) the person's institution; returns the code set. */
  @Transactional
  public @Nullable String set(
      String username, @Nullable String institution, @Nullable String reason) throws SQLException {
    UserAdministration.checkReason(reason);
    String before = of(username);
    String code = institution == null || institution.isBlank() ? null : institution.strip();
    try (var c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                UPDATE app_user SET institution_id = (SELECT id FROM institution WHERE code = :code)
                 WHERE username = :username AND (CAST(:code AS text) IS NULL
                       OR EXISTS (SELECT 1 FROM institution WHERE code = :code))
                """)) {
      s.setString("code", code).setString("username", username);
      if (s.executeUpdate() == 0) {
        throw ApiException.notFound("institution", code);
      }
    }
    audit.updated(
        "userInstitution",
        username,
        new Membership(before),
        new Membership(code),
        reason == null || reason.isBlank() ? null : reason);
    return code;
  }

  @io.micronaut.serde.annotation.Serdeable
  record Membership(@Nullable String institution) {}
}
