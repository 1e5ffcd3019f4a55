package org.atalaya.measurement;

import java.util.Map;
import java.util.Optional;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;

/** What an upload is checked against: indicators with their sources, and territories. */
record Catalog(
    Map<String, IndicatorInfo> indicators, Map<String, Long> territories, Optional<Long> district) {

  record IndicatorInfo(
      long id,
      String code,
      IndicatorKind kind,
      Frequency frequency,
      boolean bySex,
      boolean byTerritory,
      boolean byAgeGroup,
      Map<String, Long> sources,
      long officialSource,
      Optional<Long> district) {}
}
