package org.atalaya.indicator;

import java.util.Optional;

/** SDMX sex codes: women, men, not stated, total. */
public enum Sex {
  F,
  M,
  _U,
  _T;

  public static Optional<Sex> fromCode(String code) {
    for (Sex s : values()) {
      if (s.name().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
