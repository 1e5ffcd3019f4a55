package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.atalaya.shared.Codes;

/**
 * How one kind of file's columns feed a survey's variables, saved under a name and reused for every
 * wave that comes the same way. {@code columns} maps a variable (an item code or a design variable)
 * to the column that holds it; a variable not named there is looked for under its own name and, in
 * KoboToolbox and ODK exports, as the last part of a grouped column ({@code
 * seguridad/se_siente_inseguro}, {@code seguridad-se_siente_inseguro}). A select-multiple item
 * reads one space-separated column, or one 0/1 column per choice ({@code delitos/robo}).
 */
@Serdeable
public record MappingDoc(
    @NotBlank @Size(max = 80) @Pattern(regexp = Codes.PATTERN) String name,
    @Nullable SourceFormat format,
    @Nullable @Size(max = 200) String respondentId,
    @Nullable Map<String, String> columns,
    @Nullable @Size(min = 1, max = 3) String choiceSeparator) {

  public MappingDoc {
    format = format == null ? SourceFormat.PLAIN : format;
    columns = columns == null ? Map.of() : Map.copyOf(columns);
  }

  /** Where the file comes from, which decides its group separator and its meta columns. */
  public enum SourceFormat {
    KOBO,
    ODK,
    PLAIN;

    @Nullable
    String groupSeparator() {
      return switch (this) {
        case KOBO -> "/";
        case ODK -> "-";
        case PLAIN -> null;
      };
    }

    /** The column that identifies a submission when the mapping names none. */
    @Nullable
    String defaultId() {
      return switch (this) {
        case KOBO -> "_uuid";
        case ODK -> "KEY";
        case PLAIN -> null;
      };
    }
  }

  String choiceSeparatorOrDefault() {
    return choiceSeparator == null ? "/" : choiceSeparator;
  }

  /** The identity mapping: every variable in the column of its own name. */
  static MappingDoc identity() {
    return new MappingDoc("_", SourceFormat.PLAIN, null, Map.of(), null);
  }
}
