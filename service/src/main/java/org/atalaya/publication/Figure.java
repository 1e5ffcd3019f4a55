package org.atalaya.publication;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One figure as it may be shown: its period, its value by the indicator's accumulation (absent
 * unless the mark carries a number) and its mark.
 */
@Serdeable
public record Figure(LocalDate start, String period, @Nullable Double value, Mark mark) {
  public Figure {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(mark, "mark");
    if (mark.hasValue() != (value != null)) {
      throw new IllegalArgumentException("a " + mark + " figure has a value only when shown");
    }
  }
}
