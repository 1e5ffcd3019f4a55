package org.atalaya.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for cookie-authenticated writes. The browser holds a random value in an HttpOnly
 * cookie; a form carries that value signed with the service's key. Another site can neither read
 * the cookie nor forge the signature, and the key is shared by every replica (it is the JWT key),
 * so no server-side state is needed. The signature also covers the session cookie, so a token is
 * good only for the session it was made for: an attacker who plants their own seed cookie in a
 * victim's browser cannot use the token that goes with it against the victim's session.
 */
@Singleton
public class Csrf {
  public static final String COOKIE = "ATALAYA_CSRF";
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  static final String NEW_SEED = "atalaya.csrf.newSeed";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  Csrf(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
    this.key = ("csrf:" + secret).getBytes(StandardCharsets.UTF_8);
  }

  /** The token for this browser, creating its seed (set as a cookie on the way out) if needed. */
  public String token(HttpRequest<?> request) {
    return sign(seed(request), session(request));
  }

  /** A digest of the session cookie ("" before signing in): what binds a token to one session. */
  private static String session(HttpRequest<?> request) {
    return SessionCookie.read(request)
        .map(
            jwt -> {
              try {
                byte[] d =
                    MessageDigest.getInstance("SHA-256")
                        .digest(jwt.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            })
        .orElse("");
  }

  /** The seed the browser already has, or the one this request has started. */
  private String seed(HttpRequest<?> request) {
    Optional<String> existing = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
    if (existing.isPresent() && !existing.get().isBlank()) {
      return existing.get();
    }
    return request
        .getAttribute(NEW_SEED, String.class)
        .orElseGet(
            () -> {
              byte[] bytes = new byte[32];
              RANDOM.nextBytes(bytes);
              String seed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
              request.setAttribute(NEW_SEED, seed);
              return seed;
            });
  }

  boolean valid(HttpRequest<?> request, @Nullable String token) {
    Optional<String> seed = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
    if (token == null || seed.isEmpty() || seed.get().isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(seed.get(), session(request)).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  static Cookie cookie(String seed) {
    return SessionCookie.secure(Cookie.of(COOKIE, seed));
  }

  private String sign(String seed, String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal((seed + "|" + session).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
