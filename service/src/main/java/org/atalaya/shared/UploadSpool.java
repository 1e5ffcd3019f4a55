package org.atalaya.shared;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an upload that must be read twice (a workbook, a survey file) waits on disk. A directory
 * the server cannot write (full, read-only, gone) is the server's fault, not the sender's: it is
 * answered 503 in words ({@link StorageUnavailable}), and nothing is stored. A body that breaks
 * while it is read stays the I/O error it is.
 */
@Singleton
public class UploadSpool {
  private final Path directory;

  UploadSpool(@Value("${atalaya.upload.temp-dir:}") String directory) {
    this.directory =
        Path.of(directory.isBlank() ? System.getProperty("java.io.tmpdir") : directory);
  }

  /** Where uploads are kept while they are read. */
  public Path directory() {
    return directory;
  }

  /** Copies the body into a new file of this directory; the caller deletes it when done. */
  public Path spool(InputStream body, String prefix, String suffix) throws IOException {
    Path file;
    try {
      file = Files.createTempFile(directory, prefix, suffix);
    } catch (IOException e) {
      throw new StorageUnavailable(directory, e);
    }
    boolean done = false;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = body.read(buffer)) >= 0; ) {
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new StorageUnavailable(directory, e);
        }
      }
      done = true;
      return file;
    } finally {
      if (!done) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The server cannot keep an upload on disk. */
  public static final class StorageUnavailable extends RuntimeException {
    StorageUnavailable(Path directory, IOException cause) {
      super("Cannot store an upload in " + directory + ": " + cause, cause);
    }
  }
}
