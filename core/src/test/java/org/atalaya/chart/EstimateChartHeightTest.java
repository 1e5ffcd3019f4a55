package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.EstimateChart.Estimate;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A survey chart drawn at its own height keeps room for its dots: the report once drew one
 * territory's women, men and everyone at 142 px, and the title, note, legend and source left no
 * plot at all.
 */
class EstimateChartHeightTest {
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 12, 60})
  void everyGroupGetsRoomForItsThreeSexes(int groups) {
    List<Estimate> estimates = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      for (String sex : List.of("Mujeres", "Hombres", "Total")) {
        estimates.add(new Estimate("Lugar " + g, sex, 40.0, 35.0, 45.0, ReliabilityMark.RELIABLE));
      }
    }
    EstimateChart chart =
        new EstimateChart(
            ChartFixtures.meta(
                "Percepción de inseguridad en el barrio: estimaciones con IC 95 %",
                "%", NumberStyle.ONE_DECIMAL),
            estimates,
            0.95);

    int width = 640;
    int height = chart.height();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();
    ChartBuilder.chart(chart, new Formats(SPANISH, NumberStyle.ONE_DECIMAL, BundleCharts.WORDS))
        .draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
    g2.dispose();

    double plot = info.getPlotInfo().getDataArea().getHeight();
    assertThat(plot).as("plot height for %d groups at %d px", groups, height).isGreaterThan(80);
    assertThat(plot / groups).as("px per group").isGreaterThanOrEqualTo(24);
  }
}
