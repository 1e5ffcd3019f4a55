package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;

/** The district's hierarchy: district → corregimiento → barrio. */
public enum TerritoryLevel {
  DISTRICT,
  CORREGIMIENTO,
  BARRIO;

  /** The level a territory of this level belongs to; none for a district. */
  @Nullable
  TerritoryLevel parentLevel() {
    return switch (this) {
      case DISTRICT -> null;
      case CORREGIMIENTO -> DISTRICT;
      case BARRIO -> CORREGIMIENTO;
    };
  }
}
