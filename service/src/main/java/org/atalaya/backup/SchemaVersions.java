package org.atalaya.backup;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/** The schema a database is at, and the newest schema this build of Atalaya knows. */
final class SchemaVersions {
  private static final String LOCATION = "db/migration";

  private SchemaVersions() {}

  /** The last migration Flyway applied, or "0" for a database Atalaya never started on. */
  static String of(Connection connection) throws SQLException {
    try (var s =
            connection.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1");
        var r = s.executeQuery()) {
      return r.next() ? r.getString("version") : "0";
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return "0";
      }
      throw e;
    }
  }

  /** The highest {@code V…__} migration packed with this build. */
  static String newestKnown() {
    URL url = SchemaVersions.class.getClassLoader().getResource(LOCATION);
    if (url == null) {
      throw new IllegalStateException("No migrations in the class path at " + LOCATION);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return newestIn(jar.getPath(LOCATION));
        } catch (FileSystemAlreadyExistsException e) {
          return newestIn(FileSystems.getFileSystem(uri).getPath(LOCATION));
        }
      }
      return newestIn(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Could not list the migrations at " + url, e);
    }
  }

  private static String newestIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("V") && n.contains("__") && n.endsWith(".sql"))
          .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
          .max((a, b) -> compare(a, b))
          .orElse("0");
    }
  }

  static int compare(String a, String b) {
    return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b));
  }
}
