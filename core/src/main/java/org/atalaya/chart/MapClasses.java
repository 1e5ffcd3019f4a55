package org.atalaya.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Quantile classes of a map's values: as many territories in each class as the values allow, each
 * class labelled by the smallest and largest value it holds (so two labels never share a number).
 */
record MapClasses(List<Double> lows, List<Double> highs) {
  static MapClasses quantiles(List<Double> values, int wanted) {
    List<Double> sorted = values.stream().sorted().toList();
    List<Double> lows = new ArrayList<>();
    List<Double> highs = new ArrayList<>();
    if (sorted.isEmpty()) {
      return new MapClasses(lows, highs);
    }
    int n = sorted.size();
    int start = 0;
    for (int k = 1; k <= wanted && start < n; k++) {
      int end = (int) Math.round((double) k * n / wanted) - 1;
      end = Math.max(end, start);
      // Ties stay in one class: a value is never in two classes.
      while (end + 1 < n && sorted.get(end + 1).equals(sorted.get(end))) {
        end++;
      }
      lows.add(sorted.get(start));
      highs.add(sorted.get(end));
      start = end + 1;
    }
    return new MapClasses(List.copyOf(lows), List.copyOf(highs));
  }

  int count() {
    return highs.size();
  }

  int classOf(double value) {
    for (int i = 0; i < highs.size(); i++) {
      if (value <= highs.get(i)) {
        return i;
      }
    }
    return highs.size() - 1;
  }
}
