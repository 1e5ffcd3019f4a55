package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.Charts;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.TerritoryBarChart;
import org.junit.jupiter.api.Test;

/** A report's bar chart of corregimientos draws for one place as for nine hundred. */
class ReportChartsTest {
  @Test
  void theBarChartDrawsForOnePlaceAndForNineHundred() {
    for (int places : List.of(1, 2, 18, 900)) {
      List<TerritoryBarChart.Bar> bars = new ArrayList<>();
      for (int i = 0; i < places; i++) {
        bars.add(TerritoryBarChart.Bar.of("LCH-" + i, 5 + i % 7));
      }
      var meta =
          new ChartMeta(
              "Tasa por corregimiento",
              "por 100 000 hab.",
              "Ministerio Público",
              LocalDate.of(2025, 12, 31),
              NumberStyle.ONE_DECIMAL);
      String svg =
          Charts.svg(
              new TerritoryBarChart(meta, bars, null),
              640,
              ReportCharts.barsHeight(places),
              Locale.forLanguageTag("es-PA"));
      assertThat(svg).as("%d places", places).contains("LCH-0");
    }
    assertThat(ReportCharts.barsHeight(18)).isEqualTo(80 + 22 * 18);
  }
}
