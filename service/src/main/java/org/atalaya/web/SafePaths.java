package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/**
 * Where a redirect may send the browser back to: a path on this site only. Anything else (another
 * host, "//evil", a scheme, backslashes, control characters) becomes the home page, so that no link
 * of ours can be turned into a redirect to somewhere else.
 */
public final class SafePaths {
  private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[\\p{Graph}&&[^\\\\]]*");

  private SafePaths() {}

  public static String orHome(@Nullable String path) {
    return path != null && path.length() <= 2000 && SAFE.matcher(path).matches() ? path : "/";
  }
}
