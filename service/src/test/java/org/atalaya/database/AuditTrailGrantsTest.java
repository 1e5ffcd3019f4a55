package org.atalaya.database;

import java.sql.DriverManager;
import org.atalaya.testsupport.TestDatabase;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.Test;

/**
 * On the test run's database (plain PostgreSQL here, TimescaleDB where Docker runs): the role
 * docs/security.md describes for the service cannot delete, truncate, drop, rename or unguard the
 * audit trail, nor drop chunks of it, and can still append to it.
 */
class AuditTrailGrantsTest {
  @Test
  void theServiceRoleCannotShortenTheAuditTrail() throws Exception {
    TestDatabase db = TestDatabaseSession.database();
    try (var c = DriverManager.getConnection(db.url, db.username, db.password)) {
      AuditGrants.assertTheServiceRoleCannotShortenTheTrail(c, AuditGrants.count(c));
    }
  }
}
