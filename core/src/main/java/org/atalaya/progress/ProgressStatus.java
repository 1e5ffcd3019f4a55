package org.atalaya.progress;

/** Where a cell, action card, axis or plan stands against its target. */
public enum ProgressStatus {
  ACHIEVED,
  ON_TRACK,
  AT_RISK,
  OFF_TRACK,
  NO_DATA,
  NO_TARGET;

  /** Whether the status compares data with a target, so that it carries an achievement. */
  public boolean assessed() {
    return switch (this) {
      case ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK -> true;
      case NO_DATA, NO_TARGET -> false;
    };
  }

  /**
   * Rank among assessed statuses, higher is worse; roll-ups report a level by its worst child so
   * that one failing action is not averaged away.
   */
  int severity() {
    return switch (this) {
      case ACHIEVED -> 0;
      case ON_TRACK -> 1;
      case AT_RISK -> 2;
      case OFF_TRACK -> 3;
      case NO_DATA, NO_TARGET -> -1;
    };
  }
}
