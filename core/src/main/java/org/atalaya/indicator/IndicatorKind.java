package org.atalaya.indicator;

/** Counts add up; rates, proportions, means and indices do not (DESIGN: totals of rates). */
public enum IndicatorKind {
  COUNT,
  RATE,
  PROPORTION,
  MEAN,
  INDEX;

  public boolean extensive() {
    return switch (this) {
      case COUNT -> true;
      case RATE, PROPORTION, MEAN, INDEX -> false;
    };
  }
}
