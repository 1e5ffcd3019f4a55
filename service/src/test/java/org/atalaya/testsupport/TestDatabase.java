package org.atalaya.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one database the whole test run uses, chosen in this order: an explicit JDBC URL from the
 * environment ({@code ATALAYA_TEST_JDBC_URL}, with {@code _USERNAME} and {@code _PASSWORD}),
 * TimescaleDB in a container where Docker runs, or an embedded PostgreSQL.
 */
public final class TestDatabase implements AutoCloseable {
  static final String TIMESCALE_IMAGE = "timescale/timescaledb:2.28.3-pg16";

  public final String url;
  public final String username;
  public final String password;
  public final String kind;
  private final AutoCloseable resource;

  private TestDatabase(
      String url, String username, String password, String kind, AutoCloseable resource) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.kind = kind;
    this.resource = resource;
  }

  static TestDatabase start() throws IOException, SQLException {
    String url = System.getenv("ATALAYA_TEST_JDBC_URL");
    if (url != null && !url.isBlank()) {
      return new TestDatabase(
          url,
          System.getenv().getOrDefault("ATALAYA_TEST_JDBC_USERNAME", "postgres"),
          System.getenv().getOrDefault("ATALAYA_TEST_JDBC_PASSWORD", ""),
          "external (ATALAYA_TEST_JDBC_URL)",
          () -> {});
    }
    if (dockerAvailable()) {
      var container =
          new PostgreSQLContainer<>(
              DockerImageName.parse(TIMESCALE_IMAGE).asCompatibleSubstituteFor("postgres"));
      container.start();
      return new TestDatabase(
          container.getJdbcUrl(),
          container.getUsername(),
          container.getPassword(),
          "TimescaleDB container " + TIMESCALE_IMAGE,
          container::stop);
    }
    var dir = Files.createTempDirectory("atalaya-test-pg");
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setLocaleConfig("locale", "C.UTF-8")
            .start();
    try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE atalaya_test ENCODING 'UTF8' TEMPLATE template0");
    }
    return new TestDatabase(
        pg.getJdbcUrl("postgres", "atalaya_test"), "postgres", "", "embedded PostgreSQL", pg);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    resource.close();
  }
}
