package org.atalaya.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.chart.EstimateChart.Estimate;
import org.atalaya.chart.SmallMultiplesChart.Panel;
import org.atalaya.chart.TerritoryBarChart.Bar;
import org.atalaya.indicator.Sex;
import org.atalaya.progress.ProgressStatus;

/** Named charts as the observatory's pages would ask for them. */
final class ChartFixtures {
  static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  private ChartFixtures() {}

  static ChartMeta meta(String title, String unit, NumberStyle numbers) {
    return new ChartMeta(title, unit, "Policía Nacional, SIEC", AS_OF, numbers);
  }

  /** Monthly homicide rates by sex, 2021–2025, falling towards a target of 10.0 in 2027. */
  static TimeSeriesChart homicideRateBySex() {
    return TimeSeriesChart.bySex(
        meta("Tasa de homicidios", "por 100 000 habitantes", NumberStyle.ONE_DECIMAL),
        Map.of(
            Sex.F, monthly(60, 4.0, -0.01),
            Sex.M, monthly(60, 28.0, -0.08),
            Sex._T, monthly(60, 16.0, -0.045)),
        new ChartPoint(LocalDate.of(2021, 1, 1), 16.0),
        List.of(
            new ChartPoint(LocalDate.of(2021, 1, 1), 16.0),
            new ChartPoint(LocalDate.of(2024, 1, 1), 13.0),
            new ChartPoint(LocalDate.of(2027, 12, 1), 10.0)),
        new ForecastBand(
            0.9,
            List.of(
                new ForecastBand.BandPoint(LocalDate.of(2025, 12, 1), 13.3, 13.4, 13.5),
                new ForecastBand.BandPoint(LocalDate.of(2027, 12, 1), 9.0, 12.3, 15.6))));
  }

  /** 60 months from January 2021, a gentle trend with a fixed seasonal wiggle. */
  static List<ChartPoint> monthly(int months, double start, double slope) {
    List<ChartPoint> points = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      double value = start + slope * i + 0.6 * Math.sin(i * Math.PI / 6);
      points.add(new ChartPoint(LocalDate.of(2021, 1, 1).plusMonths(i), value));
    }
    return points;
  }

  /** Robberies by corregimiento; Playa Leona has too few cases to publish. */
  static TerritoryBarChart robberiesByCorregimiento() {
    return new TerritoryBarChart(
        meta("Robos por corregimiento, 2025", "por 10 000 habitantes", NumberStyle.ONE_DECIMAL),
        List.of(
            Bar.of("Barrio Balboa", 42.5),
            Bar.of("Barrio Colón", 35.25),
            Bar.of("Guadalupe", 28.0),
            Bar.suppressed("Playa Leona"),
            Bar.of("Herrera", 12.75),
            Bar.of("El Coco", 1234.5)),
        30.0);
  }

  static BulletChart actionCardProgress() {
    return new BulletChart(
        meta("Avance de la ficha 2.1", "% de la meta", NumberStyle.INTEGER),
        List.of(
            new BulletChart.Row("Homicidios", 80.0, 60.0, 100.0, ProgressStatus.ON_TRACK),
            new BulletChart.Row("Robos", 30.0, 60.0, 100.0, ProgressStatus.OFF_TRACK),
            new BulletChart.Row("Violencia doméstica", 52.0, 60.0, 100.0, ProgressStatus.AT_RISK),
            new BulletChart.Row("Jóvenes formados", 105.0, 60.0, 100.0, ProgressStatus.ACHIEVED),
            new BulletChart.Row("Alumbrado", null, 60.0, 100.0, ProgressStatus.NO_DATA),
            new BulletChart.Row("Patrullajes", 40.0, null, null, ProgressStatus.NO_TARGET)));
  }

  /** Share who feel unsafe at night, by sex and corregimiento, from the perception survey. */
  static EstimateChart insecurityBySexAndTerritory() {
    return new EstimateChart(
        meta("Se siente inseguro de noche en su barrio", "% de personas", NumberStyle.PERCENT),
        List.of(
            new Estimate("Barrio Balboa", "Mujeres", 0.612, 0.55, 0.67, ReliabilityMark.RELIABLE),
            new Estimate("Barrio Balboa", "Hombres", 0.481, 0.42, 0.54, ReliabilityMark.RELIABLE),
            new Estimate("Guadalupe", "Mujeres", 0.55, 0.38, 0.71, ReliabilityMark.LOW_PRECISION),
            Estimate.suppressed("Guadalupe", "Hombres"),
            new Estimate("Herrera", "Mujeres", 0.40, 0.33, 0.47, ReliabilityMark.RELIABLE),
            new Estimate("Herrera", "Hombres", 0.35, 0.29, 0.41, ReliabilityMark.RELIABLE)),
        0.95);
  }

  static SmallMultiplesChart preventionAxis() {
    List<ChartPoint> yearly = new ArrayList<>();
    for (int y = 2019; y <= 2025; y++) {
      yearly.add(new ChartPoint(LocalDate.of(y, 1, 1), 120 + 15 * (y - 2019)));
    }
    return new SmallMultiplesChart(
        meta("Eje 1: Prevención", "según el indicador", NumberStyle.ONE_DECIMAL),
        List.of(
            new Panel(
                "Tasa de homicidios",
                "por 100 000 hab.",
                NumberStyle.ONE_DECIMAL,
                monthly(60, 16.0, -0.045),
                List.of(
                    new ChartPoint(LocalDate.of(2021, 1, 1), 16.0),
                    new ChartPoint(LocalDate.of(2027, 12, 1), 10.0)),
                ProgressStatus.AT_RISK),
            new Panel(
                "Jóvenes en programas",
                "personas",
                NumberStyle.INTEGER,
                yearly,
                List.of(
                    new ChartPoint(LocalDate.of(2019, 1, 1), 120),
                    new ChartPoint(LocalDate.of(2027, 1, 1), 300)),
                ProgressStatus.ON_TRACK),
            new Panel(
                "Luminarias reparadas",
                "% de las reportadas",
                NumberStyle.PERCENT,
                List.of(),
                List.of(),
                ProgressStatus.NO_DATA)),
        2);
  }
}
