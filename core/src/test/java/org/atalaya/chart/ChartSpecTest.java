package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.EstimateChart.Estimate;
import org.atalaya.chart.TerritoryBarChart.Bar;
import org.atalaya.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

/** Charts that would mislead are refused before anything is drawn. */
class ChartSpecTest {
  static final ChartMeta META = ChartFixtures.meta("T", "u", NumberStyle.INTEGER);

  @Test
  void aChartStatesItsSourceAndTitle() {
    assertThatThrownBy(() -> new ChartMeta("T", "u", " ", LocalDate.now(), NumberStyle.INTEGER))
        .hasMessageContaining("source");
    assertThatThrownBy(() -> new ChartMeta("", "u", "s", LocalDate.now(), NumberStyle.INTEGER))
        .hasMessageContaining("title");
  }

  @Test
  void aProgressRowWithoutValueMustSayNoData() {
    assertThatThrownBy(() -> new BulletChart.Row("x", null, 1.0, 2.0, ProgressStatus.ON_TRACK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BulletChart.Row("x", 1.0, 1.0, null, ProgressStatus.AT_RISK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEstimateOutsideItsIntervalOrASuppressedOneWithFiguresIsRefused() {
    assertThatThrownBy(() -> new Estimate("a", "b", 0.5, 0.6, 0.7, ReliabilityMark.RELIABLE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Estimate("a", "b", 0.5, 0.4, 0.6, ReliabilityMark.SUPPRESSED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSeriesHasOnePointPerPeriodAndATerritoryOneBar() {
    LocalDate d = LocalDate.of(2025, 1, 1);
    assertThatThrownBy(() -> Series.named("s", List.of(new ChartPoint(d, 1), new ChartPoint(d, 2))))
        .hasMessageContaining("two points");
    assertThatThrownBy(
            () -> new TerritoryBarChart(META, List.of(Bar.of("A", 1), Bar.suppressed("A")), null))
        .hasMessageContaining("once");
    assertThatThrownBy(() -> Bar.of("A", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void absurdSizesAreRefused() {
    assertThatThrownBy(
            () ->
                BundleCharts.png(ChartFixtures.robberiesByCorregimiento(), 10, 10, Locale.ENGLISH))
        .hasMessageContaining("between");
    assertThatThrownBy(
            () -> BundleCharts.svg(ChartFixtures.robberiesByCorregimiento(), 800, 99_999, null))
        .hasMessageContaining("between");
  }
}
