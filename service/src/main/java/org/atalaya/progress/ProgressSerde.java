package org.atalaya.progress;

import io.micronaut.serde.annotation.SerdeImport;

/**
 * Lets the API write the engine's records as JSON while the engine itself stays free of any
 * framework (CONVENTIONS: statistics are plain Java).
 */
@SerdeImport(CellProgress.class)
@SerdeImport(Point.class)
@SerdeImport(Forecast.class)
@SerdeImport(Forecast.Projection.class)
@SerdeImport(RollUp.class)
@SerdeImport(Gaps.SexGap.class)
@SerdeImport(Gaps.TerritoryGap.class)
@SerdeImport(Gaps.TerritoryValue.class)
@SerdeImport(Gaps.Concentration.class)
final class ProgressSerde {
  private ProgressSerde() {}
}
