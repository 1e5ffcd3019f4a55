package org.atalaya.indicator;

/** How "the latest value" is read: a period alone, the sum since the baseline, or the level. */
public enum Accumulation {
  PERIODIC,
  CUMULATIVE,
  STOCK
}
