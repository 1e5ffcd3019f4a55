package org.atalaya.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A consistent copy of a running PostgreSQL's data directory through the documented low-level API:
 * {@code pg_backup_start}, the files, {@code pg_backup_stop}, the backup label it returns, and the
 * WAL written meanwhile. A temporary replication slot holds that WAL until it is copied, however
 * many checkpoints happen during the copy. Restoring the archive replays the WAL to the end of the
 * backup, so files that changed during the copy come out consistent.
 */
final class EmbeddedBackup {
  static final String DATA = Manifest.prefix(Manifest.EMBEDDED);

  /** Opens a connection to one database of the cluster being backed up. */
  @FunctionalInterface
  interface Connector {
    Connection open(String database) throws SQLException;
  }

  /** Files and directories whose contents a base backup leaves out (PostgreSQL's own list). */
  private static final Set<String> EMPTY_DIRECTORIES =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  private static final Set<String> SKIPPED_FILES =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "backup_label",
          "tablespace_map",
          "backup_manifest",
          "pg_internal.init",
          // zonky's lock on the data directory, held by the running service.
          "epg-lock");

  private static final Pattern START_WAL =
      Pattern.compile("START WAL LOCATION: \\S+ \\(file (\\w{24})\\)");
  private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

  private EmbeddedBackup() {}

  static Manifest run(Connector connector, Path dataDirectory, String database, Path archive)
      throws IOException, SQLException {
    String schema;
    try (Connection c = connector.open(database)) {
      schema = SchemaVersions.of(c);
    }
    try (Connection c = connector.open("postgres");
        ArchiveWriter out = new ArchiveWriter(archive)) {
      checkSameDirectory(c, dataDirectory);
      String slot = "atalaya_backup_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
      Manifest manifest =
          new Manifest(
              Manifest.FORMAT,
              Manifest.EMBEDDED,
              Backups.atalayaVersion(),
              text(c, "SHOW server_version"),
              Integer.parseInt(text(c, "SHOW server_version_num")) / 10000,
              schema,
              Instant.now().toString(),
              "atalaya " + archive.getFileName(),
              null,
              null,
              null,
              null);
      // Temporary: dropped with this session, even if the command is killed.
      call(c, "SELECT pg_create_physical_replication_slot(?, true, true)", slot);
      call(c, "SELECT pg_backup_start(?, true)", manifest.label());
      boolean stopped = false;
      try {
        out.add(Manifest.HEADER, manifest.toJson());
        copyDataFiles(dataDirectory, out);
        String[] stop = backupStop(c);
        stopped = true;
        out.add(DATA + "backup_label", stop[1].getBytes(StandardCharsets.UTF_8));
        if (stop[2] != null && !stop[2].isEmpty()) {
          out.add(DATA + "tablespace_map", stop[2].getBytes(StandardCharsets.UTF_8));
        }
        Matcher start = START_WAL.matcher(stop[1]);
        if (!start.find()) {
          throw new IllegalStateException("Unexpected backup label: " + stop[1]);
        }
        String last = text(c, "SELECT pg_walfile_name(?::pg_lsn)", stop[0]);
        copyWal(dataDirectory.resolve("pg_wal"), start.group(1), last, out);
        manifest = manifest.withWal(start.group(1), last);
        out.commit(manifest);
        return manifest.withFiles(out.sums());
      } finally {
        try {
          if (!stopped) {
            backupStop(c);
          }
          // A pooled session outlives this backup: do not leave the slot holding WAL.
          call(c, "SELECT pg_drop_replication_slot(?)", slot);
        } catch (SQLException ignored) {
          // Closing the session ends the backup and drops the temporary slot too.
        }
      }
    }
  }

  private static void checkSameDirectory(Connection c, Path dataDirectory)
      throws SQLException, IOException {
    Path served = Path.of(text(c, "SHOW data_directory")).toRealPath();
    if (!served.equals(dataDirectory.toRealPath())) {
      throw new BackupException("backup.embedded.otherDirectory", served, dataDirectory);
    }
  }

  private static void copyDataFiles(Path root, ArchiveWriter out) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String name = relative(root, dir);
            if (dir.getFileName().toString().startsWith("pgsql_tmp")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            out.addDirectory(DATA + name);
            if (EMPTY_DIRECTORIES.contains(name)) {
              if (name.equals("pg_wal")) {
                out.addDirectory(DATA + "pg_wal/archive_status");
                out.addDirectory(DATA + "pg_wal/summaries");
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String fileName = file.getFileName().toString();
            if (attrs.isRegularFile()
                && !SKIPPED_FILES.contains(fileName)
                && !fileName.startsWith("pgsql_tmp")) {
              out.addFile(DATA + relative(root, file), file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // dropped during the copy; the WAL says so
            }
            throw e;
          }
        });
  }

  private static void copyWal(Path wal, String first, String last, ArchiveWriter out)
      throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.list(wal)) {
      files = all.sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      boolean needed =
          SEGMENT.matcher(name).matches()
              ? name.compareTo(first) >= 0 && name.compareTo(last) <= 0
              : name.endsWith(".history");
      if (needed && !out.addFile(DATA + "pg_wal/" + name, file)) {
        throw new IllegalStateException("WAL segment " + name + " vanished during the backup");
      }
    }
  }

  /** Returns the stop location, the backup label and the tablespace map. */
  private static String[] backupStop(Connection c) throws SQLException {
    try (var s =
            c.prepareStatement("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)");
        var r = s.executeQuery()) {
      r.next();
      return new String[] {r.getString("lsn"), r.getString("labelfile"), r.getString("spcmapfile")};
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  static String text(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static String text(Connection c, String sql, String argument) throws SQLException {
    try (var s = c.prepareStatement(sql)) {
      s.setString(1, argument);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private static void call(Connection c, String sql, String argument) throws SQLException {
    try (var s = c.prepareStatement(sql)) {
      s.setString(1, argument);
      s.execute();
    }
  }
}
