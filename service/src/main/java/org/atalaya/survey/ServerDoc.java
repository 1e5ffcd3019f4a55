package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.atalaya.shared.Codes;

/**
 * The server a survey's submissions come from, as the analyst configures it: KoboToolbox (the
 * asset's uid in {@code form}, an API token) or ODK Central (project and form ids, an account's
 * email and password). Credentials go in and never come out: left empty, the stored ones stay.
 */
@Serdeable
public record ServerDoc(
    @NotNull Kind kind,
    @NotBlank @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+") String url,
    @Nullable @Size(max = 80) @Pattern(regexp = Codes.PATTERN) String project,
    @NotBlank @Size(max = 200) @Pattern(regexp = Codes.PATTERN) String form,
    @Nullable @Size(max = 80) @Pattern(regexp = Codes.PATTERN) String mapping,
    @Nullable @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String scheduledWave,
    @Nullable @Size(max = 500) String token,
    @Nullable @Size(max = 300) String email,
    @Nullable @Size(max = 300) String password) {

  public enum Kind {
    KOBO,
    ODK
  }

  /** What is stored in clear, and what a page shows: the credential only as "guardada". */
  @Serdeable
  public record View(
      Kind kind,
      String url,
      @Nullable String project,
      String form,
      @Nullable String mapping,
      @Nullable String scheduledWave,
      String credential,
      @Nullable Instant lastPullAt,
      @Nullable String lastPull) {}

  /** The secret part, sealed as JSON. */
  @Serdeable
  record Credential(@Nullable String token, @Nullable String email, @Nullable String password) {
    /** Never printed: a log line or an exception message with this record says nothing. */
    @Override
    public String toString() {
      return "Credential[guardada]";
    }
  }

  /** Also never printed whole, so a failed validation logs no password. */
  @Override
  public String toString() {
    return "ServerDoc[" + kind + " " + url + " " + form + "]";
  }
}
