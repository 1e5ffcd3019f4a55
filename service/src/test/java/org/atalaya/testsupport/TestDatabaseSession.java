package org.atalaya.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the test database once per test run, before any Micronaut context, and hands it to every
 * context through system properties (which Micronaut reads as configuration). Registered for all
 * test classes through JUnit's extension auto-detection.
 */
public class TestDatabaseSession implements BeforeAllCallback {
  private static TestDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) {
    database();
  }

  public static synchronized TestDatabase database() {
    if (database == null) {
      try {
        database = TestDatabase.start();
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the test database", e);
      }
      System.setProperty("datasources.default.url", database.url);
      System.setProperty("datasources.default.username", database.username);
      System.setProperty("datasources.default.password", database.password);
      System.out.println("Test database: " + database.kind + " at " + database.url);
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseSession::stop));
    }
    return database;
  }

  private static void stop() {
    try {
      database.close();
    } catch (Exception e) {
      System.err.println("Could not stop the test database: " + e.getMessage());
    }
  }
}
