package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.atalaya.shared.Codes;

@Serdeable
public record TerritoryForm(
    @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
    @NotBlank @Size(max = 200) String name,
    @NotNull TerritoryLevel level,
    @Nullable String parent,
    @Nullable @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String officialCode,
    @Nullable java.time.LocalDate validFrom,
    @Nullable java.time.LocalDate validTo) {

  /** A form without an official code or dates of validity. */
  public TerritoryForm(String code, String name, TerritoryLevel level, @Nullable String parent) {
    this(code, name, level, parent, null, null, null);
  }

  @Serdeable
  record Rename(@NotBlank @Size(max = 200) String name) {}
}
