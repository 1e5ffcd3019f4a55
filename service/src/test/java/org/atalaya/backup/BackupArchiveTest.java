package org.atalaya.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.atalaya.shared.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives a restore must refuse, each with a message that says why, and nothing left behind: no
 * target, no half-unpacked directory beside it.
 */
class BackupArchiveTest {
  @TempDir Path dir;

  @Test
  void anArchiveFromANewerAtalayaIsRefusedInSpanishBeforeAnythingIsUnpacked() throws Exception {
    Path archive = archive("999");

    BackupException refused = restoreRefused(archive);

    assertThat(refused.key()).isEqualTo("backup.archive.newerSchema");
    assertThat(refused.message(Messages.DEFAULT))
        .startsWith("La copia es de una versión más reciente de Atalaya (esquema 999")
        .contains("Actualice Atalaya antes de restaurarla; no se restauró nada.");
  }

  @Test
  void aTruncatedArchiveIsRefused() throws Exception {
    Path archive = archive("001");
    try (FileChannel file = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      file.truncate(file.size() / 2);
    }

    assertThat(restoreRefused(archive).message(Messages.DEFAULT))
        .contains("está dañado o incompleto")
        .endsWith("no se restauró nada.");
  }

  @Test
  void anArchiveWithoutItsFinalManifestIsRefused() throws Exception {
    Path archive =
        repack(archive("001"), (name, bytes) -> name.equals(Manifest.TRAILER) ? null : bytes);

    assertThat(restoreRefused(archive).key()).isEqualTo("backup.archive.truncated");
  }

  @Test
  void anAlteredFileIsNamedAndRefused() throws Exception {
    Path archive =
        repack(
            archive("001"),
            (name, bytes) ->
                name.equals("data/base/1/1259")
                    ? "cambiado".getBytes(StandardCharsets.UTF_8)
                    : bytes);

    BackupException refused = restoreRefused(archive);

    assertThat(refused.key()).isEqualTo("backup.archive.altered");
    assertThat(refused.message(Messages.DEFAULT)).contains("data/base/1/1259 no coincide");
  }

  @Test
  void aNonEmptyTargetIsRefusedWithoutForceAndKeepsItsFiles() throws Exception {
    Path target = Files.createDirectories(dir.resolve("datos"));
    Files.writeString(target.resolve("nota.txt"), "no borrar");

    BackupException refused =
        catchThrowableOfType(
            () -> Restore.embedded(archive("001"), target, false), BackupException.class);

    assertThat(refused.message(Messages.DEFAULT)).contains("no está vacía").contains("--force");
    assertThat(Files.readString(target.resolve("nota.txt"))).isEqualTo("no borrar");
  }

  private BackupException restoreRefused(Path archive) throws IOException {
    Path target = dir.resolve("restaurada");
    BackupException refused =
        catchThrowableOfType(() -> Restore.embedded(archive, target, false), BackupException.class);
    assertThat(refused).as("the restore is refused").isNotNull();
    assertThat(target).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("nothing half-restored beside the target")
          .noneMatch(n -> n.startsWith("restaurada"));
    }
    return refused;
  }

  /** A small archive of the embedded kind, as the backup writes it. */
  private Path archive(String schema) throws IOException {
    Path archive = dir.resolve("copias").resolve(Backups.archiveName(Instant.now()));
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT,
            Manifest.EMBEDDED,
            "0.1.0-SNAPSHOT",
            "17.6",
            17,
            schema,
            Instant.now().toString(),
            "test",
            null,
            null,
            null,
            null);
    try (ArchiveWriter out = new ArchiveWriter(archive)) {
      out.add(Manifest.HEADER, manifest.toJson());
      out.addDirectory("data/base");
      out.add("data/PG_VERSION", "17\n".getBytes(StandardCharsets.UTF_8));
      out.add("data/base/1/1259", new byte[64 * 1024]);
      out.commit(manifest);
    }
    return archive;
  }

  /** Rewrites an archive entry by entry; the function returns new content, or null to drop. */
  private Path repack(Path source, BiFunction<String, byte[], byte[]> change) throws IOException {
    Path target = dir.resolve("alterada.tar.gz");
    try (var in =
            new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(source)));
        OutputStream file = Files.newOutputStream(target);
        var out = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] bytes = change.apply(entry.getName(), in.readAllBytes());
        if (bytes == null) {
          continue;
        }
        TarArchiveEntry copy = new TarArchiveEntry(entry.getName());
        copy.setSize(entry.isDirectory() ? 0 : bytes.length);
        out.putArchiveEntry(entry.isDirectory() ? entry : copy);
        if (!entry.isDirectory()) {
          out.write(bytes);
        }
        out.closeArchiveEntry();
      }
    }
    Files.delete(source);
    return target;
  }
}
