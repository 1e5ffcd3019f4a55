package org.atalaya.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.Charts;
import org.atalaya.chart.ForecastBand;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.TimeSeriesChart;
import org.atalaya.indicator.Sex;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The benchmark's chart: 60 months × 3 series (women, men, total), drawn by the product's chart
 * package, and the same data drawn by JFreeChart's {@link ChartFactory} with its defaults (no
 * theme, no target, no footer) into the same targets: a PNG's bytes or an SVG string.
 */
final class ChartBenchCharts {
  static final String TITLE = "Tasa de homicidios";
  static final String UNIT = "por 100 000 habitantes";
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  private ChartBenchCharts() {}

  static Map<Sex, List<ChartPoint>> data() {
    return Map.of(
        Sex.F, series(4, -0.01, 0), Sex.M, series(28, -0.08, 1), Sex._T, series(16, -0.045, 2));
  }

  /** Only the three series, as the bare chart has. */
  static ChartSpec ours() {
    return TimeSeriesChart.bySex(meta(), data(), null, List.of(), null);
  }

  /**
   * The chart as an indicator page shows it: with baseline, target trajectory and forecast band.
   */
  static ChartSpec oursFull() {
    LocalDate start = LocalDate.of(2021, 1, 1);
    return TimeSeriesChart.bySex(
        meta(),
        data(),
        new ChartPoint(start, 16),
        List.of(new ChartPoint(start, 16), new ChartPoint(LocalDate.of(2027, 12, 1), 10)),
        new ForecastBand(
            0.9,
            List.of(
                new ForecastBand.BandPoint(LocalDate.of(2025, 12, 1), 13.3, 13.4, 13.5),
                new ForecastBand.BandPoint(LocalDate.of(2027, 12, 1), 9, 12.3, 15.6))));
  }

  static JFreeChart bare() {
    TimeSeriesCollection dataset = new TimeSeriesCollection();
    data().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              TimeSeries s = new TimeSeries(e.getKey().name());
              for (ChartPoint p : e.getValue()) {
                s.add(new Month(p.period().getMonthValue(), p.period().getYear()), p.value());
              }
              dataset.addSeries(s);
            });
    return ChartFactory.createTimeSeriesChart(TITLE, null, UNIT, dataset);
  }

  static byte[] barePng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    bare().draw(g2, new Rectangle2D.Double(0, 0, width, height));
    g2.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String bareSvg(int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    bare().draw(g2, new Rectangle2D.Double(0, 0, width, height));
    return g2.getSVGElement();
  }

  static byte[] png(ChartSpec spec, int width, int height) {
    return Charts.png(spec, width, height, SPANISH);
  }

  static String svg(ChartSpec spec, int width, int height) {
    return Charts.svg(spec, width, height, SPANISH);
  }

  private static ChartMeta meta() {
    return new ChartMeta(
        TITLE, UNIT, "Policía Nacional, SIEC", LocalDate.of(2025, 12, 31), NumberStyle.ONE_DECIMAL);
  }

  private static List<ChartPoint> series(double start, double slope, int phase) {
    List<ChartPoint> points = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double value = start + slope * i + 0.6 * Math.sin((i + phase) * Math.PI / 6);
      points.add(new ChartPoint(LocalDate.of(2021, 1, 1).plusMonths(i), value));
    }
    return points;
  }
}
