package org.atalaya.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Backups of an external PostgreSQL/TimescaleDB through the server's own tools: {@code pg_dump} in
 * its custom format (a consistent snapshot while the service writes) and {@code pg_restore} in one
 * transaction, with TimescaleDB's {@code timescaledb_pre_restore()}/{@code
 * timescaledb_post_restore()} around it. The tools must be of the server's major version or newer.
 */
final class DumpBackup {
  private static final String FILE = Manifest.prefix(Manifest.PG_DUMP) + "database.dump";

  private DumpBackup() {}

  static Manifest run(String jdbcUrl, String user, String password, Path archive)
      throws IOException, SQLException, InterruptedException {
    Manifest manifest;
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      manifest =
          new Manifest(
              Manifest.FORMAT,
              Manifest.PG_DUMP,
              Backups.atalayaVersion(),
              EmbeddedBackup.text(c, "SHOW server_version"),
              Integer.parseInt(EmbeddedBackup.text(c, "SHOW server_version_num")) / 10000,
              SchemaVersions.of(c),
              Instant.now().toString(),
              "atalaya " + archive.getFileName(),
              null,
              null,
              timescale(c).orElse(null),
              null);
    }
    Path tool = tool("pg_dump", manifest.postgresMajor());
    Path dump = Files.createTempFile(archive.toAbsolutePath().getParent(), "atalaya-", ".dump");
    try (ArchiveWriter out = new ArchiveWriter(archive)) {
      out.add(Manifest.HEADER, manifest.toJson());
      exec(
          List.of(
              tool.toString(), "--format=custom", "--file=" + dump, "--dbname=" + libpq(jdbcUrl)),
          user,
          password);
      out.addFile(FILE, dump);
      out.commit(manifest);
      return manifest.withFiles(out.sums());
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  static Manifest restore(Path archive, String jdbcUrl, String user, String password, boolean force)
      throws IOException, SQLException, InterruptedException {
    Path staging = Files.createTempDirectory("atalaya-restore-");
    try {
      Manifest manifest = Restore.unpack(archive, staging, Manifest.PG_DUMP);
      Path tool = tool("pg_restore", manifest.postgresMajor());
      boolean timescale;
      try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
        if (!force && userTables(c) > 0) {
          throw new BackupException("backup.restore.databaseNotEmpty");
        }
        timescale = manifest.timescaledb() != null;
        if (timescale) {
          try (var s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            s.execute("SELECT timescaledb_pre_restore()");
          }
        }
      }
      List<String> command =
          new ArrayList<>(List.of(tool.toString(), "--no-owner", "--exit-on-error"));
      if (!timescale) {
        command.add("--single-transaction"); // all or nothing
      }
      if (force) {
        command.addAll(List.of("--clean", "--if-exists"));
      }
      command.add("--dbname=" + libpq(jdbcUrl));
      command.add(staging.resolve("database.dump").toString());
      try {
        exec(command, user, password);
      } finally {
        if (timescale) {
          try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
              var s = c.createStatement()) {
            s.execute("SELECT timescaledb_post_restore()");
          }
        }
      }
      return manifest;
    } finally {
      Restore.deleteTree(staging);
    }
  }

  /**
   * The tool of the server's major version (Debian's layout), else one on the PATH if new enough.
   */
  static Path tool(String name, int serverMajor) throws IOException, InterruptedException {
    Path versioned = Path.of("/usr/lib/postgresql/" + serverMajor + "/bin/" + name);
    if (Files.isExecutable(versioned)) {
      return versioned;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate) && majorOf(candidate) >= serverMajor) {
        return candidate;
      }
    }
    throw new BackupException("backup.external.noTool", name, serverMajor);
  }

  private static int majorOf(Path tool) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    var m = java.util.regex.Pattern.compile("(\\d+)[.\\d]*").matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static void exec(List<String> command, String user, String password)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGUSER", user);
    builder.environment().put("PGPASSWORD", password);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new BackupException(
          "backup.external.failed", Path.of(command.get(0)).getFileName(), output.strip());
    }
  }

  /** libpq reads {@code postgresql://host:port/db}; the JDBC URL is that behind "jdbc:". */
  static String libpq(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
  }

  private static Optional<String> timescale(Connection c) throws SQLException {
    try (var s =
            c.prepareStatement(
                "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
        var r = s.executeQuery()) {
      return r.next() ? Optional.of(r.getString("extversion")) : Optional.empty();
    }
  }

  private static int userTables(Connection c) throws SQLException {
    try (var s =
            c.prepareStatement(
                "SELECT count(*) AS tables FROM pg_tables WHERE schemaname NOT IN ('pg_catalog',"
                    + " 'information_schema') AND schemaname NOT LIKE '\\_timescaledb%'");
        var r = s.executeQuery()) {
      r.next();
      return r.getInt("tables");
    }
  }
}
