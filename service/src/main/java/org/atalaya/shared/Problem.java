package org.atalaya.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An RFC 7807 problem: what went wrong, in the caller's language, naming each offending field. */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    List<Violation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One offending field (a JSON path such as {@code axes[0].code}, or a file's row and column). */
  @Serdeable
  public record Violation(String field, String code, String message) {}
}
