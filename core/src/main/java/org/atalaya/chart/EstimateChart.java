package org.atalaya.chart;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Survey estimates with their confidence intervals as error bars: one row per group (a territory),
 * one mark per subgroup (a sex) within it. Low-precision estimates are drawn hollow; suppressed
 * ones are shown as suppressed, never as a value.
 *
 * @param level the confidence level of the intervals, 0.95 for 95 %
 */
public record EstimateChart(ChartMeta meta, List<Estimate> estimates, double level)
    implements ChartSpec {
  public EstimateChart {
    Objects.requireNonNull(meta, "meta");
    estimates = List.copyOf(estimates);
    if (estimates.isEmpty()) {
      throw new IllegalArgumentException("an estimate chart needs at least one estimate");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be between 0 and 1");
    }
    if (estimates.stream().map(e -> e.group() + "\u0000" + e.subgroup()).distinct().count()
        != estimates.size()) {
      throw new IllegalArgumentException("each group and subgroup appears once");
    }
  }

  /**
   * The height in pixels that leaves the plot room beside its title, legend and source: 30 px a
   * group over 130, at least 280 (one group with its three sexes), at most 2000. Pages and the
   * report draw the chart at this height.
   */
  public int height() {
    return Math.min(2000, Math.max(280, 130 + 30 * groups().size()));
  }

  List<String> groups() {
    return List.copyOf(new LinkedHashSet<>(estimates.stream().map(Estimate::group).toList()));
  }

  List<String> subgroups() {
    return List.copyOf(new LinkedHashSet<>(estimates.stream().map(Estimate::subgroup).toList()));
  }

  /** Value and interval are all null exactly when the estimate is suppressed. */
  public record Estimate(
      String group,
      String subgroup,
      Double value,
      Double lower,
      Double upper,
      ReliabilityMark reliability) {
    public Estimate {
      group = ChartMeta.required(group, "group");
      subgroup = ChartMeta.required(subgroup, "subgroup");
      Objects.requireNonNull(reliability, "reliability");
      boolean suppressed = reliability == ReliabilityMark.SUPPRESSED;
      if (suppressed) {
        if (value != null || lower != null || upper != null) {
          throw new IllegalArgumentException("a suppressed estimate carries no figures");
        }
      } else if (value == null || lower == null || upper == null) {
        throw new IllegalArgumentException("an estimate needs its value and interval");
      } else if (!(lower <= value && value <= upper) || !Double.isFinite(lower + upper)) {
        throw new IllegalArgumentException("an estimate needs lower <= value <= upper");
      }
    }

    public static Estimate suppressed(String group, String subgroup) {
      return new Estimate(group, subgroup, null, null, null, ReliabilityMark.SUPPRESSED);
    }
  }
}
