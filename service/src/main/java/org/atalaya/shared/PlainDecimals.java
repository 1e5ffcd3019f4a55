package org.atalaya.shared;

import java.math.BigDecimal;

/** Decimals as people write them: 12 and 12.5, not 12.000000 or 1.2E+1. */
public final class PlainDecimals {
  private PlainDecimals() {}

  public static BigDecimal plain(BigDecimal n) {
    if (n == null) {
      return null;
    }
    BigDecimal stripped = n.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
