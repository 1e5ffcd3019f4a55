package org.atalaya.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser's session: the same JWT the API hands out, in a cookie scripts cannot read
 * (HttpOnly), sent only over HTTPS (Secure; browsers make an exception for localhost) and never on
 * a request started by another site (SameSite=Strict). It lives in {@code web}, beside the CSRF
 * check and the page cache that read it, so that {@code web.session} depends on {@code web} and not
 * the other way round.
 */
public final class SessionCookie {
  public static final String NAME = "ATALAYA_SESSION";

  private SessionCookie() {}

  public static Cookie of(String token, Duration maxAge) {
    return secure(Cookie.of(NAME, token)).maxAge(maxAge);
  }

  public static Cookie cleared() {
    return secure(Cookie.of(NAME, "")).maxAge(0);
  }

  public static Optional<String> read(HttpRequest<?> request) {
    return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
  }

  /** The attributes every cookie of ours shares. */
  public static Cookie secure(Cookie cookie) {
    return cookie.httpOnly(true).secure(true).sameSite(SameSite.Strict).path("/");
  }
}
