package org.atalaya.chart;

import java.util.List;
import java.util.Objects;

/**
 * One horizontal bar per territory, the target marked across them. A suppressed cell (too few cases
 * or too unreliable to publish) is drawn as such, never as a zero.
 *
 * @param target the value every territory aims at, or null
 */
public record TerritoryBarChart(ChartMeta meta, List<Bar> bars, Double target)
    implements ChartSpec {
  public TerritoryBarChart {
    Objects.requireNonNull(meta, "meta");
    bars = List.copyOf(bars);
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("a bar chart needs at least one territory");
    }
    if (bars.stream().map(Bar::territory).distinct().count() != bars.size()) {
      throw new IllegalArgumentException("each territory appears once");
    }
    if (target != null && !Double.isFinite(target)) {
      throw new IllegalArgumentException("target must be a finite number");
    }
  }

  /** A territory's value, or no value because it is suppressed. */
  public record Bar(String territory, Double value) {
    public Bar {
      territory = ChartMeta.required(territory, "territory");
      if (value != null && !Double.isFinite(value)) {
        throw new IllegalArgumentException("value must be a finite number");
      }
    }

    public static Bar of(String territory, double value) {
      return new Bar(territory, value);
    }

    public static Bar suppressed(String territory) {
      return new Bar(territory, null);
    }

    boolean isSuppressed() {
      return value == null;
    }
  }
}
