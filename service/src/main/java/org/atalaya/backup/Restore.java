package org.atalaya.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.atalaya.database.EmbeddedDatabase;

/**
 * Puts an embedded backup back into a data directory. Everything happens in a directory beside the
 * target: the archive is unpacked and checked against its manifest, the server is started on it
 * once to replay the WAL and stopped; only then does the directory take the target's place. A
 * truncated or altered archive, or one from a newer Atalaya, leaves the target as it was.
 */
final class Restore {
  record Result(Manifest manifest, Path target, Path previous) {}

  private Restore() {}

  static Result embedded(Path archive, Path target, boolean force) throws IOException {
    target = target.toAbsolutePath().normalize();
    checkTarget(target, force);
    Path staging =
        target.resolveSibling(target.getFileName() + ".restoring-" + System.currentTimeMillis());
    try {
      Manifest manifest = unpack(archive, staging, Manifest.EMBEDDED);
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
      replayAndCheck(staging, manifest);
      Path previous = putInPlace(staging, target);
      return new Result(manifest, target, previous);
    } finally {
      deleteTree(staging);
    }
  }

  private static void checkTarget(Path target, boolean force) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new BackupException("backup.restore.notDirectory", target);
    }
    if (serverRunningIn(target)) {
      throw new BackupException("backup.restore.running", target);
    }
    if (!force && !isEmpty(target)) {
      throw new BackupException("backup.restore.notEmpty", target);
    }
  }

  /** Reads the archive into {@code staging}, refusing it on the first thing that is not right. */
  static Manifest unpack(Path archive, Path staging, String kind) throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new BackupException("backup.archive.missing", archive);
    }
    Files.createDirectories(staging);
    Map<String, Manifest.FileSum> found = new HashMap<>();
    Manifest header = null;
    Manifest trailer = null;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        if (header == null) {
          if (!name.equals(Manifest.HEADER)) {
            throw new BackupException("backup.archive.notAtalaya", archive);
          }
          header = Manifest.fromJson(tar.readAllBytes());
          checkVersions(header, kind);
          continue;
        }
        if (name.equals(Manifest.TRAILER)) {
          trailer = Manifest.fromJson(tar.readAllBytes());
          continue;
        }
        if (trailer != null) {
          throw new BackupException("backup.archive.altered", archive, name);
        }
        Path out = inside(staging, name, archive, Manifest.prefix(kind));
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        MessageDigest sha = ArchiveWriter.sha256();
        long size = Files.copy(new DigestInputStream(tar, sha), out);
        found.put(name, new Manifest.FileSum(ArchiveWriter.hex(sha), size));
      }
    } catch (BackupException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      throw new BackupException(e, "backup.archive.unreadable", archive, e.getMessage());
    }
    if (header == null) {
      throw new BackupException("backup.archive.notAtalaya", archive);
    }
    if (trailer == null) {
      throw new BackupException("backup.archive.truncated", archive);
    }
    checkSums(archive, header, trailer, found);
    return trailer;
  }

  private static void checkVersions(Manifest header, String kind) {
    if (header.format() > Manifest.FORMAT) {
      throw new BackupException("backup.archive.newerFormat", header.atalayaVersion());
    }
    String known = SchemaVersions.newestKnown();
    if (SchemaVersions.compare(header.schemaVersion(), known) > 0) {
      throw new BackupException(
          "backup.archive.newerSchema", header.schemaVersion(), header.atalayaVersion(), known);
    }
    if (!kind.equals(header.kind())) {
      throw new BackupException(
          Manifest.EMBEDDED.equals(kind) ? "backup.archive.isDump" : "backup.archive.isEmbedded");
    }
  }

  private static void checkSums(
      Path archive, Manifest header, Manifest trailer, Map<String, Manifest.FileSum> found) {
    if (!header.sameBackupAs(trailer)) {
      throw new BackupException("backup.archive.altered", archive, Manifest.TRAILER);
    }
    for (var expected : trailer.files().entrySet()) {
      String name = expected.getKey();
      if (name.equals(Manifest.HEADER)) {
        continue;
      }
      if (!expected.getValue().equals(found.get(name))) {
        throw new BackupException("backup.archive.altered", archive, name);
      }
    }
    for (String name : found.keySet()) {
      if (!trailer.files().containsKey(name)) {
        throw new BackupException("backup.archive.altered", archive, name);
      }
    }
  }

  private static Path inside(Path staging, String name, Path archive, String prefix) {
    if (!name.startsWith(prefix)) {
      throw new BackupException("backup.archive.altered", archive, name);
    }
    Path out = staging.resolve(name.substring(prefix.length())).normalize();
    if (!out.startsWith(staging)) {
      throw new BackupException("backup.archive.altered", archive, name);
    }
    return out;
  }

  /**
   * Starts PostgreSQL on the unpacked files: it replays the WAL up to the end of the backup and,
   * stopped cleanly, leaves an ordinary data directory. A server of another major version refuses.
   */
  private static void replayAndCheck(Path staging, Manifest manifest) {
    try (EmbeddedPostgres pg = EmbeddedDatabase.startServer(staging, 0);
        Connection c = pg.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection()) {
      String schema = SchemaVersions.of(c);
      if (!schema.equals(manifest.schemaVersion())) {
        throw new BackupException("backup.restore.schemaDiffers", schema, manifest.schemaVersion());
      }
    } catch (BackupException e) {
      throw e;
    } catch (IOException | SQLException | RuntimeException e) {
      throw new BackupException(
          e, "backup.restore.doesNotStart", manifest.postgresVersion(), rootMessage(e));
    }
  }

  private static Path putInPlace(Path staging, Path target) throws IOException {
    Path previous = null;
    if (Files.exists(target)) {
      if (isEmpty(target)) {
        Files.delete(target);
      } else {
        previous =
            target.resolveSibling(
                target.getFileName() + ".before-restore-" + Instant.now().getEpochSecond());
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    return previous;
  }

  static boolean serverRunningIn(Path dataDirectory) throws IOException {
    return PostmasterPid.read(dataDirectory).map(PostmasterPid::alive).orElse(false);
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (NoSuchFileException ignored) {
          // already gone
        }
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
