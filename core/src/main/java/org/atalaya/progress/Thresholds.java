package org.atalaya.progress;

/**
 * The configurable edges of the statuses and of the forecast.
 *
 * @param onTrackMargin how far achievement may trail expected achievement and still be ON_TRACK
 *     (default 0.10, ten percentage points of the way from baseline to target)
 * @param atRiskMargin how far it may trail and be AT_RISK rather than OFF_TRACK (default 0.25)
 * @param maintainAtRiskFactor a MAINTAIN cell outside its band is AT_RISK within this many
 *     tolerances of the target, OFF_TRACK beyond (default 2)
 * @param predictionLevel the coverage of the forecast's prediction interval (default 0.90)
 * @param minForecastPoints the fewest observed points a trend is fitted to (default 3, the least
 *     that leaves a degree of freedom for the residual spread)
 */
public record Thresholds(
    double onTrackMargin,
    double atRiskMargin,
    double maintainAtRiskFactor,
    double predictionLevel,
    int minForecastPoints) {
  public static final Thresholds DEFAULTS = new Thresholds(0.10, 0.25, 2.0, 0.90, 3);

  public Thresholds {
    if (!(onTrackMargin >= 0 && atRiskMargin >= onTrackMargin && Double.isFinite(atRiskMargin))) {
      throw new IllegalArgumentException("need 0 <= onTrackMargin <= atRiskMargin");
    }
    if (!(maintainAtRiskFactor >= 1 && Double.isFinite(maintainAtRiskFactor))) {
      throw new IllegalArgumentException("maintainAtRiskFactor must be at least 1");
    }
    if (!(predictionLevel > 0 && predictionLevel < 1)) {
      throw new IllegalArgumentException("predictionLevel must be between 0 and 1");
    }
    if (minForecastPoints < 3) {
      throw new IllegalArgumentException("a trend with a prediction interval needs 3 points");
    }
  }

  /**
   * A margin of achievement (0.10) in percentage points as people read it ("10"), for the legends,
   * the methodology page and the report alike.
   */
  public static String points(double margin) {
    double p = Math.round(margin * 1000) / 10.0;
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }
}
