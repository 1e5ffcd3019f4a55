package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** One activity of a card or project: what was planned, what happened, and its row version. */
@Serdeable
public record Activity(
    long id,
    int position,
    String name,
    @Nullable LocalDate plannedStart,
    @Nullable LocalDate plannedEnd,
    @Nullable LocalDate actualStart,
    @Nullable LocalDate actualEnd,
    ActivityState state,
    @Nullable String note,
    int version) {

  /** Planned to be over by {@code day} and not done (nor cancelled). */
  public boolean lateOn(LocalDate day) {
    return plannedEnd != null
        && plannedEnd.isBefore(day)
        && state != ActivityState.DONE
        && state != ActivityState.CANCELLED;
  }
}
