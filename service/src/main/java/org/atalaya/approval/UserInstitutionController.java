package org.atalaya.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.atalaya.audit.AuditLog;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/**
 * The institution a person works for, which the "other-institution" validation rule compares with
 * the institution that reported the figures. Administrators set it; null means none.
 */
@Controller("/api/users/{username}/institution")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Aprobación")
@Secured(Role.ADMIN_NAME)
class UserInstitutionController {
  private final DataSource dataSource;
  private final AuditLog audit;

  UserInstitutionController(DataSource dataSource, AuditLog audit) {
    this.dataSource = dataSource;
    this.audit = audit;
  }

  @Serdeable
  record Membership(@Nullable String institution) {}

  @Get
  @Transactional(readOnly = true)
  Membership show(String username) throws SQLException {
    return current(username);
  }

  @Put
  @Transactional
  Membership change(String username, @Body Membership body) throws SQLException {
    Membership before = current(username);
    String code =
        body.institution() == null || body.institution().isBlank()
            ? null
            : body.institution().strip();
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE app_user SET institution_id = (SELECT id FROM institution WHERE code = ?)"
                    + " WHERE username = ? AND (CAST(? AS text) IS NULL"
                    + " OR EXISTS (SELECT 1 FROM institution WHERE code = ?))")) {
      s.setString(1, code);
      s.setString(2, username);
      s.setString(3, code);
      s.setString(4, code);
      if (s.executeUpdate() == 0) {
        throw ApiException.notFound("institution", code);
      }
    }
    Membership after = new Membership(code);
    audit.updated("userInstitution", username, before, after);
    return after;
  }

  private Membership current(String username) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT i.code FROM app_user u LEFT JOIN institution i ON i.id = u.institution_id"
                    + " WHERE u.username = ?")) {
      s.setString(1, username);
      try (var r = s.executeQuery()) {
        if (!r.next()) {
          throw ApiException.notFound("user", username);
        }
        return new Membership(r.getString(1));
      }
    }
  }
}
