package org.atalaya.institution;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.atalaya.shared.Codes;

/** A lead institution or partner of the plan's actions (guide: "responsables" and "socios"). */
@MappedEntity("institution")
@Serdeable
public record Institution(
    @Nullable @Id @GeneratedValue Long id,
    @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
    @NotBlank @Size(max = 300) String name,
    @Nullable @Size(max = 40) String acronym,
    @NotNull InstitutionKind kind) {

  public Institution withId(Long newId) {
    return new Institution(newId, code, name, acronym, kind);
  }
}
