package org.atalaya.backup;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.atalaya.database.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups taken by the running service into its backup folder ({@code ATALAYA_BACKUP_DIR}): by the
 * schedule and by the administrator's button. The folder is the record: its newest complete archive
 * is the last good backup, whoever took it (this service or the command line).
 */
@Singleton
public class BackupService {
  private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

  private final Optional<Path> folder;
  private final Retention retention;
  private final EmbeddedDatabase embedded;
  private final DatasourceConfiguration datasource;
  private volatile Instant lastFailure;
  private volatile String lastFailureMessage;

  BackupService(
      @Value("${atalaya.backup.dir:}") String folder,
      @Value("${atalaya.backup.keep-daily:7}") int daily,
      @Value("${atalaya.backup.keep-weekly:4}") int weekly,
      @Value("${atalaya.backup.keep-monthly:12}") int monthly,
      EmbeddedDatabase embedded,
      @Named("default") DatasourceConfiguration datasource) {
    this.folder =
        folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder).toAbsolutePath());
    this.retention = new Retention(daily, weekly, monthly);
    this.embedded = embedded;
    this.datasource = datasource;
  }

  public boolean configured() {
    return folder.isPresent();
  }

  /** Takes a backup now into the folder, then drops those the retention rule no longer keeps. */
  public synchronized Path backupNow() {
    Path dir = folder.orElseThrow(() -> new BackupException("backup.folder.missing"));
    Path archive = dir.resolve(Backups.archiveName(Instant.now()));
    long start = System.nanoTime();
    try {
      if (embedded.isRunning()) {
        EmbeddedBackup.run(
            db ->
                DriverManager.getConnection(
                    datasource.getUrl(), datasource.getUsername(), datasource.getPassword()),
            embedded.dataDirectory(),
            EmbeddedDatabase.DATABASE,
            archive);
      } else {
        DumpBackup.run(
            datasource.getUrl(), datasource.getUsername(), datasource.getPassword(), archive);
      }
      LOG.info(
          "Backup written to {} ({} bytes) in {} s",
          archive,
          Files.size(archive),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
      prune(dir);
      lastFailure = null;
      return archive;
    } catch (BackupException e) {
      failed(e.getMessage());
      throw e;
    } catch (Exception e) {
      failed(e.toString());
      if (Backups.diskFull(e)) {
        throw new BackupException(e, "backup.diskFull", dir);
      }
      throw new BackupException(e, "backup.failed", e.getMessage());
    }
  }

  private void failed(String message) {
    lastFailure = Instant.now();
    lastFailureMessage = message;
    LOG.warn("Backup failed: {}", message);
  }

  void prune(Path dir) throws IOException {
    List<Path> archives = archives(dir);
    Set<Instant> keep =
        retention.keep(archives.stream().map(a -> Backups.takenAt(a).orElseThrow()).toList());
    for (Path archive : archives) {
      if (!keep.contains(Backups.takenAt(archive).orElseThrow())) {
        Files.delete(archive);
        LOG.info("Backup {} removed by the retention rule", archive.getFileName());
      }
    }
  }

  /** A complete archive in the folder. */
  public record Archive(String name, Instant takenAt, long bytes) {}

  /** The folder's complete archives, newest first; empty when none is configured. */
  public List<Archive> list() {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return List.of();
    }
    try {
      return archives(folder.get()).stream()
          .map(
              a ->
                  new Archive(
                      a.getFileName().toString(), Backups.takenAt(a).orElseThrow(), size(a)))
          .sorted(java.util.Comparator.comparing(Archive::takenAt).reversed())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1; // removed by the retention rule meanwhile
    }
  }

  /** The newest complete archive in the folder and when it was taken. */
  public Optional<Instant> lastGood() {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return Optional.empty();
    }
    try {
      return archives(folder.get()).stream()
          .map(a -> Backups.takenAt(a).orElseThrow())
          .max(Instant::compareTo);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A warning for the health page and the log when the schedule missed, else empty. */
  public Optional<String> warning(Duration expectedEvery) {
    if (folder.isEmpty()) {
      return Optional.of("no backup folder configured (ATALAYA_BACKUP_DIR)");
    }
    if (lastFailure != null) {
      return Optional.of("the last backup failed at " + lastFailure + ": " + lastFailureMessage);
    }
    Optional<Instant> last = lastGood();
    if (last.isEmpty()) {
      return Optional.of("no backup yet");
    }
    if (last.get().isBefore(Instant.now().minus(expectedEvery))) {
      return Optional.of("the last good backup is older than " + expectedEvery.toHours() + " h");
    }
    return Optional.empty();
  }

  private static List<Path> archives(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Backups.takenAt(f).isPresent()).sorted().toList();
    }
  }
}
