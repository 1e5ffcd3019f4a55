package org.atalaya.publication;

/**
 * How a figure may be shown (DESIGN: Publication). Only {@link #SHOWN} and {@link #PROVISIONAL}
 * carry a number; the others are words, never a number, never a zero, never a point on a chart.
 */
public enum Mark {
  /** Validated (or, for signed-in readers, any recorded figure that is validated). */
  SHOWN,
  /**
   * Recorded and not yet validated: shown with its mark, to signed-in people and, if the
   * observatory chooses so, to the public.
   */
  PROVISIONAL,
  /** A small count that could point at a person, or its complement: "suprimido". */
  WITHHELD,
  /** Nothing arrived: "sin datos". */
  NO_DATA;

  public boolean hasValue() {
    return this == SHOWN || this == PROVISIONAL;
  }
}
