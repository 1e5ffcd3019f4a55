package org.atalaya.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One figure of the report as open data, one row per observation with SDMX-style codes (sex F, M,
 * _T; REF_AREA the territory code; TIME_PERIOD 2025, 2025-Q1, 2025-03 or a date), so that a
 * national SDG or statistics platform can read it. A withheld figure has no value, CONF_STATUS C
 * and a comment saying why — never a zero.
 */
@JsonPropertyOrder({
  "PLAN",
  "INDICATOR",
  "INDICATOR_NAME",
  "MEASURE",
  "REF_AREA",
  "REF_AREA_NAME",
  "SEX",
  "TIME_PERIOD",
  "OBS_VALUE",
  "UNIT_MEASURE",
  "LOWER_BOUND",
  "UPPER_BOUND",
  "CONF_LEVEL",
  "SAMPLE_SIZE",
  "RELIABILITY",
  "PROGRESS_STATUS",
  "OBS_STATUS",
  "CONF_STATUS",
  "SOURCE",
  "COMMENT"
})
record Observation(
    @JsonProperty("PLAN") String plan,
    @JsonProperty("INDICATOR") String indicator,
    @JsonProperty("INDICATOR_NAME") String indicatorName,
    @JsonProperty("MEASURE") Measure measure,
    @JsonProperty("REF_AREA") String refArea,
    @JsonProperty("REF_AREA_NAME") String refAreaName,
    @JsonProperty("SEX") String sex,
    @JsonProperty("TIME_PERIOD") String timePeriod,
    @JsonProperty("OBS_VALUE") Double value,
    @JsonProperty("UNIT_MEASURE") String unit,
    @JsonProperty("LOWER_BOUND") Double lower,
    @JsonProperty("UPPER_BOUND") Double upper,
    @JsonProperty("CONF_LEVEL") Double confLevel,
    @JsonProperty("SAMPLE_SIZE") Long sampleSize,
    @JsonProperty("RELIABILITY") String reliability,
    @JsonProperty("PROGRESS_STATUS") String progressStatus,
    @JsonProperty("OBS_STATUS") String obsStatus,
    @JsonProperty("CONF_STATUS") String confStatus,
    @JsonProperty("SOURCE") String source,
    @JsonProperty("COMMENT") String comment) {

  static final List<String> COLUMNS =
      List.of(Observation.class.getAnnotation(JsonPropertyOrder.class).value());

  /** What the figure is. */
  enum Measure {
    /** The value of one period, as measured. */
    OBS,
    /** The latest value by the indicator's accumulation rule, as progress reads it. */
    LATEST,
    BASELINE,
    TARGET,
    /** What the target trajectory asks for on the cut-off date. */
    EXPECTED,
    /** (latest − baseline) / (target − baseline), as a fraction. */
    ACHIEVEMENT,
    /** A survey estimate with its confidence interval. */
    SURVEY_ESTIMATE
  }

  Observation {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(measure, "measure");
    if ("C".equals(confStatus) && (value != null || lower != null || upper != null)) {
      throw new IllegalArgumentException("a withheld figure carries no value");
    }
  }

  boolean withheld() {
    return "C".equals(confStatus);
  }
}
