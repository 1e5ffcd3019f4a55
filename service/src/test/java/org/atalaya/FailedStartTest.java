package org.atalaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails once the embedded PostgreSQL is up leaves no server behind: its data directory
 * is free for the next start and its port is closed. The failure here is an administrator password
 * too short, refused once the migrations ran. (A dashboards directory that does not exist is
 * refused too, but under test before the database starts.)
 */
class FailedStartTest {
  @Test
  void aFailedStartStopsTheEmbeddedDatabaseItStarted(@TempDir Path tmp) throws IOException {
    Path data = tmp.resolve("postgres");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, Object> properties =
        Map.of(
            // The test run's shared database is handed to every context by system property.
            "datasources.default.url",
            "",
            "atalaya.database.embedded.data-dir",
            data.toString(),
            "atalaya.database.embedded.port",
            port,
            "atalaya.admin.password",
            "corta",
            "atalaya.demo",
            false,
            "micronaut.server.port",
            -1);

    // The "test" environment: Micronaut throws rather than exiting the JVM.
    assertThatThrownBy(() -> Application.start(new String[0], properties, "test"))
        .hasStackTraceContaining("ATALAYA_ADMIN_PASSWORD must have at least");

    assertThat(Files.exists(data.resolve("PG_VERSION"))).as("the server had started").isTrue();
    assertThat(data.resolve("postmaster.pid")).doesNotExist();
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
