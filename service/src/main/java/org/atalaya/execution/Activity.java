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

  /**
   * The activity as it stood at the end of {@code day}: one finished or started after it reads as
   * not yet finished or started (a report at 31 Dec 2025 does not count what was done in 2026). A
   * cancellation carries no date and stands.
   */
  public Activity on(LocalDate day) {
    if (state == ActivityState.CANCELLED) {
      return this;
    }
    LocalDate started = actualStart != null && actualStart.isAfter(day) ? null : actualStart;
    LocalDate ended = actualEnd != null && actualEnd.isAfter(day) ? null : actualEnd;
    ActivityState then = state;
    if (then == ActivityState.DONE && actualEnd != null && ended == null) {
      then = started != null ? ActivityState.IN_PROGRESS : ActivityState.PLANNED;
    }
    if (then == ActivityState.IN_PROGRESS && actualStart != null && started == null) {
      then = ActivityState.PLANNED;
    }
    return new Activity(
        id, position, name, plannedStart, plannedEnd, started, ended, then, note, version);
  }

  /** Planned to be over by {@code day} and not done (nor cancelled). */
  public boolean lateOn(LocalDate day) {
    return plannedEnd != null
        && plannedEnd.isBefore(day)
        && state != ActivityState.DONE
        && state != ActivityState.CANCELLED;
  }
}
