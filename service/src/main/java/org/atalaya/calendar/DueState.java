package org.atalaya.calendar;

/**
 * Where one indicator period of one source stands: not yet due and incomplete ({@code EXPECTED}),
 * every expected part arrived but not all validated ({@code RECEIVED}), every part arrived and
 * validated ({@code VALIDATED}), or due and still incomplete ({@code LATE}).
 */
public enum DueState {
  EXPECTED,
  RECEIVED,
  VALIDATED,
  LATE;

  /** The state of a period with {@code expected} parts, from what arrived and the due date. */
  static DueState of(int expected, int received, int validated, boolean pastDue) {
    if (received >= expected && expected > 0) {
      return validated >= expected ? VALIDATED : RECEIVED;
    }
    return pastDue ? LATE : EXPECTED;
  }
}
