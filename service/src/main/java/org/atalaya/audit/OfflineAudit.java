package org.atalaya.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The audit entry of a command run without the application (no {@link AuditLog} bean to call): it
 * is written on the command's own connection, inside its transaction, so the change and its entry
 * commit together. The actor is {@code system}.
 */
public final class OfflineAudit {
  private OfflineAudit() {}

  /** An update whose before and after are already JSON (secrets masked by the caller). */
  public static void updated(
      Connection c, String entity, String key, String beforeJson, String afterJson, String reason)
      throws SQLException {
    try (var s =
        c.prepareStatement(
            "INSERT INTO audit_log (actor, action, entity, entity_key, before_json, after_json,"
                + " reason) VALUES ('system', ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)")) {
      s.setString(1, AuditAction.UPDATE.name());
      s.setString(2, entity);
      s.setString(3, key);
      s.setString(4, beforeJson);
      s.setString(5, afterJson);
      s.setString(6, reason);
      s.executeUpdate();
    }
  }
}
