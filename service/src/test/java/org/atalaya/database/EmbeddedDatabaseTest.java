package org.atalaya.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL a newcomer gets without configuring anything. Three server starts in all. */
class EmbeddedDatabaseTest {
  @TempDir Path dataDirectory;

  private final List<EmbeddedDatabase> databases = new ArrayList<>();

  /** The server is a separate process: never leave one behind, whatever the test did. */
  @AfterEach
  void stopEveryServer() throws IOException {
    for (EmbeddedDatabase database : databases) {
      database.stop();
    }
  }

  private EmbeddedDatabase database() {
    // Port 0 picks a free port at each start, so a second server would show in a different URL.
    var database = new EmbeddedDatabase(dataDirectory.toString(), 0);
    databases.add(database);
    return database;
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  @Test
  void startsOneServerAndStopReallyStopsIt() throws Exception {
    var database = database();

    String url = database.start();
    assertThat(database.isRunning()).isTrue();
    assertThat(database.start()).isEqualTo(url);
    try (var c = connect(url);
        var s = c.createStatement();
        var r = s.executeQuery("SELECT current_database()")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("atalaya");
    }

    database.stop();

    assertThat(database.isRunning()).isFalse();
    assertThatThrownBy(() -> connect(url).close()).isInstanceOf(SQLException.class);
  }

  @Test
  void dataWrittenBeforeARestartIsStillThereAfterIt() throws Exception {
    var first = database();
    try (var c = connect(first.start());
        var s = c.createStatement()) {
      s.execute("CREATE TABLE note (text varchar(100) NOT NULL)");
      s.execute("INSERT INTO note VALUES ('Población 2024 cargada')");
    }
    first.stop();

    var second = database();
    try (var c = connect(second.start());
        var s = c.createStatement();
        var r = s.executeQuery("SELECT text FROM note")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("Población 2024 cargada");
      assertThat(r.next()).isFalse();
    }
  }
}
