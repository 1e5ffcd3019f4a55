package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/** The rules an activity and a budget line keep, each refusal named by its field. */
final class ExecutionRules {
  private ExecutionRules() {}

  /** The budget line's own rules (the API checks them too, by annotation; pages come here). */
  static void budget(BudgetForm f) {
    List<FieldError> errors = new ArrayList<>();
    if (f.period() == null || f.period().isBlank()) {
      errors.add(new FieldError("period", "NotBlank"));
    }
    if (f.fundingSource() == null || f.fundingSource().isBlank()) {
      errors.add(new FieldError("fundingSource", "NotBlank"));
    } else if (f.fundingSource().strip().length() > 200) {
      errors.add(new FieldError("fundingSource", "Size", 1, 200));
    }
    amount(errors, "committed", f.committed());
    amount(errors, "executed", f.executed());
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  private static void amount(List<FieldError> errors, String field, @Nullable BigDecimal v) {
    if (v == null) {
      errors.add(new FieldError(field, "NotNull"));
    } else if (v.signum() < 0) {
      errors.add(new FieldError(field, "PositiveOrZero"));
    } else if (v.scale() > 2 || v.precision() - v.scale() > 14) {
      errors.add(new FieldError(field, "Digits", 14, 2));
    }
  }

  /** The rules an activity keeps, each said beside its field. */
  static void activity(ActivityForm f, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (f.name() == null || f.name().isBlank()) {
      errors.add(new FieldError("name", "NotBlank"));
    } else if (f.name().strip().length() > 500) {
      errors.add(new FieldError("name", "Size", 1, 500));
    }
    if (f.note() != null && f.note().strip().length() > 2000) {
      errors.add(new FieldError("note", "Size", 0, 2000));
    }
    if (f.state() == null) {
      errors.add(new FieldError("state", "NotNull"));
      throw ApiException.invalid(errors);
    }
    if (f.plannedStart() != null
        && f.plannedEnd() != null
        && f.plannedEnd().isBefore(f.plannedStart())) {
      errors.add(new FieldError("plannedEnd", "endBeforeStart"));
    }
    if (f.actualStart() != null
        && f.actualEnd() != null
        && f.actualEnd().isBefore(f.actualStart())) {
      errors.add(new FieldError("actualEnd", "endBeforeStart"));
    }
    if (f.actualStart() != null && f.actualStart().isAfter(today)) {
      errors.add(new FieldError("actualStart", "future"));
    }
    if (f.actualEnd() != null && f.actualEnd().isAfter(today)) {
      errors.add(new FieldError("actualEnd", "future"));
    }
    switch (f.state()) {
      case PLANNED -> {
        if (f.actualStart() != null || f.actualEnd() != null) {
          errors.add(new FieldError("state", "plannedWithActualDates"));
        }
      }
      case IN_PROGRESS -> {
        if (f.actualStart() == null) {
          errors.add(new FieldError("actualStart", "requiredWhenStarted"));
        }
        if (f.actualEnd() != null) {
          errors.add(new FieldError("actualEnd", "notFinished"));
        }
      }
      case DONE -> {
        if (f.actualEnd() == null) {
          errors.add(new FieldError("actualEnd", "requiredWhenDone"));
        }
      }
      case CANCELLED -> {}
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }
}
