package org.atalaya.web.upload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files between their preview and their commit. The preview is a dry run; the person then confirms,
 * and the very bytes they previewed are loaded — never a second upload that could differ. A file is
 * kept on disk under an unguessable id, only its uploader may use it, and it is dropped after
 * {@link #LIFETIME} or once committed. Held by this process: behind several replicas the confirm
 * must reach the same one (sticky sessions), or the person is asked to upload again.
 */
@Singleton
public class UploadStash {
  static final Duration LIFETIME = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A kept file: who sent it, its name as they named it, where it sits and what it is for. */
  public record Held(String owner, String name, String purpose, Path path, Instant at) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Path dir;

  UploadStash() throws IOException {
    this.dir = Files.createTempDirectory("atalaya-web-uploads-");
  }

  /**
   * Keeps the upload and returns its id; {@code purpose} keeps a survey file out of measurements.
   */
  public String keep(CompletedFileUpload upload, String owner, String purpose) throws IOException {
    purge();
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path path = dir.resolve(id);
    try (InputStream in = upload.getInputStream()) {
      Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
    }
    held.put(id, new Held(owner, upload.getFilename(), purpose, path, Instant.now()));
    return id;
  }

  /** The file, if it is still kept, belongs to this person and was kept for this purpose. */
  public Optional<Held> find(@Nullable String id, String owner, String purpose) {
    Held h = id == null ? null : held.get(id);
    if (h == null || !h.owner().equals(owner) || !h.purpose().equals(purpose) || expired(h)) {
      return Optional.empty();
    }
    return Optional.of(h);
  }

  public void drop(String id) {
    Held h = held.remove(id);
    if (h != null) {
      delete(h.path());
    }
  }

  private void purge() {
    held.entrySet().removeIf(e -> expired(e.getValue()) && delete(e.getValue().path()));
  }

  private static boolean expired(Held h) {
    return h.at().plus(LIFETIME).isBefore(Instant.now());
  }

  private static boolean delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A temporary file left behind is harmless; the directory goes with the process.
    }
    return true;
  }

  @PreDestroy
  void close() {
    held.keySet().forEach(this::drop);
    delete(dir);
  }
}
