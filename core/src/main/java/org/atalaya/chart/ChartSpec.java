package org.atalaya.chart;

/** A chart to draw: its data and what it states about them. */
public sealed interface ChartSpec
    permits TimeSeriesChart,
        TerritoryBarChart,
        BulletChart,
        EstimateChart,
        SmallMultiplesChart,
        ChoroplethMap {
  ChartMeta meta();
}
