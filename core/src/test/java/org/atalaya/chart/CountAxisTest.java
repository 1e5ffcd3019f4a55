package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.indicator.Sex;
import org.junit.jupiter.api.Test;

/** A count's value axis ticks at whole numbers: no "1" printed twice for 0.5 and 1.0. */
class CountAxisTest {
  @Test
  void aSmallCountTicksAtWholeNumbersOnly() {
    List<ChartPoint> reports = new ArrayList<>();
    int[] values = {1, 0, 2, 4, 1, 3, 0, 1};
    for (int i = 0; i < values.length; i++) {
      reports.add(new ChartPoint(ChartFixtures.AS_OF.minusMonths(values.length - i), values[i]));
    }
    var chart =
        TimeSeriesChart.bySex(
            ChartFixtures.meta("Denuncias", "denuncias", NumberStyle.INTEGER),
            Map.of(Sex._T, reports),
            null,
            List.of(),
            null);

    List<String> ticks =
        SvgDoc.parse(BundleCharts.svg(chart, 880, 440, Locale.forLanguageTag("es-PA")))
            .texts()
            .stream()
            .filter(t -> t.matches("\\d+"))
            .toList();

    assertThat(ticks).contains("0", "1", "2", "3", "4").doesNotHaveDuplicates();
  }

  @Test
  void placesThatAllShowZeroBesideWithheldOnesGetOneZeroTickNotARowOfThem() {
    var chart =
        new TerritoryBarChart(
            ChartFixtures.meta("Denuncias por corregimiento", "denuncias", NumberStyle.INTEGER),
            List.of(
                TerritoryBarChart.Bar.suppressed("Amador"),
                TerritoryBarChart.Bar.of("Arosemena", 0),
                TerritoryBarChart.Bar.of("El Arado", 0)),
            null);

    List<String> ticks =
        SvgDoc.parse(BundleCharts.svg(chart, 640, 300, Locale.forLanguageTag("es-PA")))
            .texts()
            .stream()
            .filter(t -> t.matches("\\d+"))
            .toList();

    // "0" twice: the tick and each bar's own label; never the run of "0 0 0 …" of an empty range.
    assertThat(ticks.stream().filter("0"::equals).count()).isLessThanOrEqualTo(3);
    assertThat(ticks).contains("1");
  }

  @Test
  void aRateShownOnlyAtZeroGetsOneZeroTickNotAColumnOfThem() {
    var chart =
        TimeSeriesChart.bySex(
            ChartFixtures.meta("Tasa de homicidios", "por 100 000 hab.", NumberStyle.ONE_DECIMAL),
            Map.of(Sex._T, List.of(new ChartPoint(ChartFixtures.AS_OF.minusMonths(1), 0))),
            null,
            List.of(),
            null);

    List<String> ticks =
        SvgDoc.parse(BundleCharts.svg(chart, 880, 440, Locale.forLanguageTag("es-PA")))
            .texts()
            .stream()
            .filter(t -> t.matches("\\d+[.,]\\d"))
            .toList();

    assertThat(ticks.stream().filter(t -> t.matches("0[.,]0")).count()).isLessThanOrEqualTo(1);
    assertThat(ticks).anyMatch(t -> t.matches("1[.,]0"));
  }
}
