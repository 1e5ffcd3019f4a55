package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;

/**
 * The country's hierarchy: province → district → corregimiento → barrio. A district may stand alone
 * (a municipality's own observatory) or under its province.
 */
public enum TerritoryLevel {
  PROVINCE,
  DISTRICT,
  CORREGIMIENTO,
  BARRIO;

  /** The level a territory of this level belongs to; none for a district. */
  @Nullable
  TerritoryLevel parentLevel() {
    return switch (this) {
      case PROVINCE -> null;
      case DISTRICT -> PROVINCE;
      case CORREGIMIENTO -> DISTRICT;
      case BARRIO -> CORREGIMIENTO;
    };
  }

  /** Whether a territory of this level may have no parent. */
  boolean mayStandAlone() {
    return this == PROVINCE || this == DISTRICT;
  }
}
