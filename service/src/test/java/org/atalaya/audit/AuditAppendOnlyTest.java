package org.atalaya.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * (The Micronaut context is started for its migrations; the statements go straight to the database
 * as the service's own user.) Nobody rewrites history, administrators included: the database itself
 * refuses to change or empty the audit log, whatever the service's own database user sends.
 */
@MicronautTest(environments = "test", transactional = false)
class AuditAppendOnlyTest {
  /** The user and password the service itself connects with. */
  private static Connection connect() throws SQLException {
    var db = TestDatabaseSession.database();
    return DriverManager.getConnection(db.url, db.username, db.password);
  }

  private static void append(Connection c, String key) throws SQLException {
    execute(
        c,
        "INSERT INTO audit_log (actor, action, entity, entity_key) VALUES ('test', 'CREATE',"
            + " 'test', '"
            + key
            + "')");
  }

  private long count(Connection c) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void updateDeleteAndTruncateAreRefusedAndNothingChanges() throws SQLException {
    try (Connection c = connect()) {
      append(c, "append-only");
      long before = count(c);
      for (String sql :
          List.of(
              "UPDATE audit_log SET actor = 'nadie' WHERE entity_key = 'append-only'",
              "DELETE FROM audit_log WHERE entity_key = 'append-only'",
              "DELETE FROM audit_log",
              "TRUNCATE audit_log",
              "TRUNCATE audit_log CASCADE")) {
        assertThatThrownBy(() -> execute(c, sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("audit_log is append-only");
      }
      assertThat(count(c)).isEqualTo(before);
    }
  }

  @Test
  void theReplicationRoleTrickDoesNotSilenceTheTrigger() throws SQLException {
    try (Connection c = connect()) {
      append(c, "replica-trick");
      c.setAutoCommit(false);
      try {
        long before = count(c);
        // A superuser may do this; it switches ordinary triggers off for the session.
        try {
          execute(c, "SET LOCAL session_replication_role = replica");
        } catch (SQLException e) {
          Assumptions.abort("the service's user may not switch the replication role: " + e);
        }
        assertThatThrownBy(() -> execute(c, "DELETE FROM audit_log"))
            .hasMessageContaining("audit_log is append-only");
        c.rollback();
        assertThat(count(c)).isEqualTo(before);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Test
  void appendingStillWorks() throws SQLException {
    try (Connection c = connect()) {
      long before = count(c);
      append(c, "still-appends");
      assertThat(count(c)).isEqualTo(before + 1);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
