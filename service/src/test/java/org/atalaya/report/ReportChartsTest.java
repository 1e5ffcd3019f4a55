package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.BulletChart;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.Charts;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.SmallMultiplesChart;
import org.atalaya.chart.TerritoryBarChart;
import org.atalaya.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

/**
 * A report's charts draw for one indicator or one place as for many, and their axes never read
 * "-0".
 */
class ReportChartsTest {
  static final Locale ES = Locale.forLanguageTag("es-PA");
  static final ChartMeta META =
      new ChartMeta(
          "Prevención: logro de cada indicador",
          "% de la meta",
          "Observatorio",
          LocalDate.of(2025, 12, 31),
          NumberStyle.INTEGER);

  @Test
  void theAchievementChartDrawsEveryIndicatorEvenAlone() {
    for (int indicators : List.of(1, 2, 9)) {
      List<BulletChart.Row> rows = new ArrayList<>();
      for (int i = 0; i < indicators; i++) {
        rows.add(new BulletChart.Row("IND-" + i, 23.0, 42.0, 100.0, ProgressStatus.AT_RISK));
      }
      String svg =
          Charts.svg(new BulletChart(META, rows), 640, ReportCharts.bulletHeight(indicators), ES);
      assertThat(svg).as("%d indicators", indicators).contains(">IND-0<").contains(">23 ");
    }
  }

  @Test
  void anAxisAroundZeroReadsZeroNotMinusZero() {
    List<ChartPoint> zeros = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      zeros.add(new ChartPoint(LocalDate.of(2025, m, 1), 0));
    }
    var panel =
        new SmallMultiplesChart.Panel(
            "VD-DENUNCIAS",
            "denuncias",
            NumberStyle.INTEGER,
            zeros,
            List.of(),
            ProgressStatus.NO_TARGET);
    String svg = Charts.svg(new SmallMultiplesChart(META, List.of(panel, panel), 2), 640, 300, ES);

    assertThat(svg).doesNotContain(">-0<").doesNotContain(">-0.0<").contains(">0<");
  }

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
