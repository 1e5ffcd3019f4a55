package org.atalaya.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The grants docs/security.md gives the service's own role, applied to a migrated database, and
 * what that role must not be able to do to the audit trail: every way to shorten it is refused.
 */
final class AuditGrants {
  /** Keep in step with docs/security.md ("The service's database role"). */
  static final String GRANTS =
      """
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atalaya_app') THEN
          CREATE ROLE atalaya_app;
        END IF;
      END $$;
      GRANT USAGE ON SCHEMA public TO atalaya_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO atalaya_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO atalaya_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM atalaya_app;
      """;

  private AuditGrants() {}

  static void assertTheServiceRoleCannotShortenTheTrail(Connection c, long rows)
      throws SQLException {
    execute(c, GRANTS);
    boolean timescale = exists(c, "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
    List<String> attempts =
        new ArrayList<>(
            List.of(
                "DELETE FROM audit_log",
                "UPDATE audit_log SET actor = 'nadie'",
                "TRUNCATE audit_log",
                "DROP TABLE audit_log",
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "ALTER TABLE audit_log RENAME TO audit_log_old"));
    if (timescale) {
      attempts.add("SELECT drop_chunks('audit_log', older_than => now())");
    }
    execute(c, "SET ROLE atalaya_app");
    try {
      for (String attempt : attempts) {
        assertThatThrownBy(() -> execute(c, attempt)).as(attempt).isInstanceOf(SQLException.class);
      }
      // It still writes the trail, as every write of the service does (rolled back here).
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO audit_log (actor, action, entity, entity_key) VALUES ('t', 'CREATE', 'x', 'y')");
      c.rollback();
      c.setAutoCommit(true);
    } finally {
      execute(c, "RESET ROLE");
    }
    assertThat(count(c)).as("the trail keeps every row").isEqualTo(rows);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static boolean exists(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next();
    }
  }

  static long count(Connection c) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
