package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.shared.Codes;

/**
 * A round of a survey with its reference period. What was loaded into it (file, sheet, encoding,
 * respondents) is read-only and filled by the service.
 */
@Serdeable
public record WaveDoc(
    @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
    @NotBlank @Size(max = 300) String name,
    @NotNull LocalDate periodStart,
    @NotNull LocalDate periodEnd,
    @Nullable Boolean published,
    @Nullable Loaded loaded) {

  /** The last accepted upload; absent until one is. */
  @Serdeable
  public record Loaded(
      String file,
      @Nullable String sheet,
      String encoding,
      int respondents,
      List<String> variables) {}

  WaveDoc withoutLoad() {
    return new WaveDoc(code, name, periodStart, periodEnd, published, null);
  }
}
