package org.atalaya.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: {@value #PREFIX} and 32 random bytes (base64url). The prefix lets the token
 * validator (and secret scanners) tell them from JWTs; the randomness makes a plain SHA-256 a safe
 * way to store them.
 */
final class TokenSecrets {
  static final String PREFIX = "atl_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text has the shape of one of our secrets (cheap check before any lookup). */
  static boolean looksLikeSecret(String text) {
    return text.startsWith(PREFIX)
        && text.length() == PREFIX.length() + 43
        && text.substring(PREFIX.length()).chars().allMatch(TokenSecrets::base64url);
  }

  static String sha256(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean base64url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
