package org.atalaya.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Classes of a map's values, each labelled by the smallest and largest value it holds (so two
 * labels never share a number, and equal values always share a class): quantiles (as many
 * territories in each class as the values allow) or natural breaks (Jenks 1977, computed exactly by
 * Fisher's 1958 dynamic programme: the cut that leaves the least sum of squared deviations from
 * each class's mean).
 */
record MapClasses(List<Double> lows, List<Double> highs) {
  static MapClasses of(List<Double> values, int wanted, ChoroplethMap.Breaks how) {
    return how == ChoroplethMap.Breaks.NATURAL
        ? natural(values, wanted)
        : quantiles(values, wanted);
  }

  /**
   * Natural breaks: of all ways to cut the sorted values into {@code wanted} runs (never between
   * two equal values), the one whose within-class sum of squares is least. Fewer classes when there
   * are fewer distinct values.
   */
  static MapClasses natural(List<Double> values, int wanted) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    if (n == 0) {
      return new MapClasses(List.of(), List.of());
    }
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (v[i] != v[i - 1]) {
        distinct++;
      }
    }
    int k = Math.min(wanted, distinct);
    // Sums of the values (shifted by the mean, for accuracy) and of their squares, by prefix.
    double mean = 0;
    for (double x : v) {
      mean += x / n;
    }
    double[] s1 = new double[n + 1];
    double[] s2 = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double x = v[i] - mean;
      s1[i + 1] = s1[i] + x;
      s2[i + 1] = s2[i] + x * x;
    }
    // cost[c][e]: least sum of squares of the first e values in c + 1 classes; start[c][e]: where
    // the last of those classes starts.
    double[][] cost = new double[k][n + 1];
    int[][] start = new int[k][n + 1];
    for (int e = 1; e <= n; e++) {
      cost[0][e] = spread(s1, s2, 0, e);
    }
    for (int c = 1; c < k; c++) {
      for (int e = 1; e <= n; e++) {
        cost[c][e] = Double.POSITIVE_INFINITY;
        for (int b = c; b < e; b++) {
          if (v[b] == v[b - 1] || cost[c - 1][b] == Double.POSITIVE_INFINITY) {
            continue;
          }
          double total = cost[c - 1][b] + spread(s1, s2, b, e);
          if (total < cost[c][e]) {
            cost[c][e] = total;
            start[c][e] = b;
          }
        }
      }
    }
    int[] starts = new int[k + 1];
    starts[k] = n;
    int e = n;
    for (int c = k - 1; c >= 0; c--) {
      starts[c] = c == 0 ? 0 : start[c][e];
      e = starts[c];
    }
    List<Double> lows = new ArrayList<>();
    List<Double> highs = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      lows.add(v[starts[c]]);
      highs.add(v[starts[c + 1] - 1]);
    }
    return new MapClasses(List.copyOf(lows), List.copyOf(highs));
  }

  /** Sum of squared deviations from their mean of the values from {@code from} to {@code to}. */
  private static double spread(double[] s1, double[] s2, int from, int to) {
    double sum = s1[to] - s1[from];
    return Math.max(0, s2[to] - s2[from] - sum * sum / (to - from));
  }

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
