package org.atalaya.execution;

/** Where an activity stands. A done activity has an actual end; a cancelled one counts for none. */
public enum ActivityState {
  PLANNED,
  IN_PROGRESS,
  DONE,
  CANCELLED
}
