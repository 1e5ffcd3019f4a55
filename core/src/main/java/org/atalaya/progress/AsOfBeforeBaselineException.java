package org.atalaya.progress;

import java.time.LocalDate;

/**
 * Progress was asked for a day before the baseline period, when there was nothing to progress from.
 * It is the caller's choice of date that is wrong, so the API answers 400.
 */
public class AsOfBeforeBaselineException extends IllegalArgumentException {
  private final LocalDate asOf;
  private final LocalDate baselinePeriod;

  public AsOfBeforeBaselineException(LocalDate asOf, LocalDate baselinePeriod) {
    super("as-of date " + asOf + " is before the baseline period " + baselinePeriod);
    this.asOf = asOf;
    this.baselinePeriod = baselinePeriod;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public LocalDate baselinePeriod() {
    return baselinePeriod;
  }
}
