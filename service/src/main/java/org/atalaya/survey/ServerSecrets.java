package org.atalaya.survey;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts survey servers' credentials with AES-256-GCM. The key comes from the setting {@code
 * atalaya.survey.servers.key} (32 bytes, Base64) or else from a key file ({@code
 * atalaya.survey.servers.key-file}, default {@code data/survey-servers.key}), created with a random
 * key, readable by its owner only, the first time one is needed. Ciphertext is the 12-byte nonce
 * followed by the sealed text.
 */
@Singleton
class ServerSecrets {
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String configured;
  private final Path keyFile;
  private volatile SecretKeySpec key;

  ServerSecrets(
      @Nullable @Value("${atalaya.survey.servers.key:}") String configured,
      @Value("${atalaya.survey.servers.key-file:data/survey-servers.key}") String keyFile) {
    this.configured = configured;
    this.keyFile = Path.of(keyFile);
  }

  byte[] seal(byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a survey server's credential", e);
    }
  }

  byte[] open(byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, sealed, 0, NONCE));
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A survey server's credential does not open with this key (was the key changed?)", e);
    }
  }

  private SecretKeySpec key() {
    if (key == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(bytes(), "AES");
        }
      }
    }
    return key;
  }

  private byte[] bytes() {
    if (configured != null && !configured.isBlank()) {
      return checked(Base64.getDecoder().decode(configured.strip()));
    }
    try {
      if (!Files.exists(keyFile)) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        if (keyFile.toAbsolutePath().getParent() != null) {
          Files.createDirectories(keyFile.toAbsolutePath().getParent());
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh));
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the file stays under the data folder's own permissions.
        }
      }
      return checked(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
    }
  }

  private static byte[] checked(byte[] key) {
    if (!Set.of(16, 24, 32).contains(key.length)) {
      throw new IllegalStateException("The survey servers' key must be 16, 24 or 32 bytes");
    }
    return key;
  }
}
