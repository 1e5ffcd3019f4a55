package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.atalaya.chart.ChoroplethMap.Area;
import org.junit.jupiter.api.Test;

/**
 * Natural breaks (Jenks) cut a map's values where they jump: checked against a published worked
 * example and against an exhaustive search over every possible cut, and said on the map and in its
 * legend, so a reader knows how the classes were made.
 */
class NaturalBreaksTest {
  @Test
  void thePublishedWorkedExampleIsReproduced() {
    // simple-statistics' documentation of jenks(): [1, 2, 4, 5, 7, 9, 10, 20] in 3 classes has
    // the lower limits 1, 7 and 20 (and 20 as the top).
    MapClasses classes = MapClasses.natural(List.of(1d, 2d, 4d, 5d, 7d, 9d, 10d, 20d), 3);

    assertThat(classes.lows()).containsExactly(1d, 7d, 20d);
    assertThat(classes.highs()).containsExactly(5d, 10d, 20d);
  }

  @Test
  void eachCutIsTheLeastWithinClassSpreadOfAllPossibleCuts() {
    Random random = new Random(7);
    for (int round = 0; round < 40; round++) {
      int n = 5 + random.nextInt(10);
      int k = 2 + random.nextInt(4);
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Some ties: whole numbers from a skewed spread, as counts of cases are.
        values.add((double) Math.round(Math.pow(random.nextDouble(), 2) * 60));
      }
      MapClasses classes = MapClasses.natural(values, k);

      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      assertThat(spread(sorted, classes))
          .as("values %s in %d classes", values, k)
          .isCloseTo(bruteForce(sorted, Math.min(k, distinct(sorted))), within());
    }
  }

  @Test
  void equalValuesShareAClassAndFewDistinctValuesMakeFewClasses() {
    MapClasses classes = MapClasses.natural(List.of(3d, 3d, 3d, 8d, 8d), 5);

    assertThat(classes.lows()).containsExactly(3d, 8d);
    assertThat(classes.highs()).containsExactly(3d, 8d);
  }

  @Test
  void theMapAndItsLegendSayWhichMethodCutTheClasses() {
    List<Area> areas = new ArrayList<>();
    double[] values = {1, 2, 4, 5, 7, 9, 10, 20};
    for (int i = 0; i < values.length; i++) {
      areas.add(Area.of("C" + i, "Lugar " + i, ChoroplethMapTest.square(i, false), values[i]));
    }
    ChoroplethMap quantiles =
        new ChoroplethMap(
            ChartFixtures.meta("Casos por corregimiento", "casos", NumberStyle.INTEGER),
            areas,
            3,
            false,
            null,
            null);

    String natural =
        String.join(
            " ",
            SvgDoc.parse(
                    BundleCharts.svg(
                        quantiles.withBreaks(ChoroplethMap.Breaks.NATURAL),
                        900,
                        520,
                        ChoroplethMapTest.SPANISH))
                .texts());
    String byQuantiles =
        String.join(
            " ",
            SvgDoc.parse(BundleCharts.svg(quantiles, 900, 520, ChoroplethMapTest.SPANISH)).texts());

    assertThat(natural)
        .contains("Cortes naturales (Jenks)")
        .contains("Clases por cortes naturales")
        .contains("1 a 5")
        .contains("7 a 10")
        .doesNotContain("Cuantiles");
    assertThat(byQuantiles).contains("Cuantiles").doesNotContain("Jenks");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static int distinct(double[] sorted) {
    return (int) java.util.Arrays.stream(sorted).distinct().count();
  }

  private static double spread(double[] sorted, MapClasses classes) {
    double total = 0;
    for (int c = 0; c < classes.count(); c++) {
      List<Double> in = new ArrayList<>();
      for (double v : sorted) {
        if (v >= classes.lows().get(c) && v <= classes.highs().get(c)) {
          in.add(v);
        }
      }
      total += ss(in);
    }
    return total;
  }

  private static double ss(List<Double> in) {
    double mean = in.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return in.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
  }

  /** Every way to place k − 1 cuts between distinct neighbours; the least total spread. */
  private static double bruteForce(double[] sorted, int k) {
    return best(sorted, 0, k);
  }

  private static double best(double[] v, int from, int k) {
    if (k == 1) {
      List<Double> rest = new ArrayList<>();
      for (int i = from; i < v.length; i++) {
        rest.add(v[i]);
      }
      return ss(rest);
    }
    double least = Double.POSITIVE_INFINITY;
    for (int cut = from + 1; cut < v.length; cut++) {
      if (v[cut] == v[cut - 1]) {
        continue;
      }
      List<Double> head = new ArrayList<>();
      for (int i = from; i < cut; i++) {
        head.add(v[i]);
      }
      least = Math.min(least, ss(head) + best(v, cut, k - 1));
    }
    return least;
  }
}
