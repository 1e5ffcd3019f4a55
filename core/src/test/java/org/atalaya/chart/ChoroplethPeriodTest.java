package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atalaya.chart.ChoroplethMap.Area;
import org.junit.jupiter.api.Test;

/**
 * A map says which period its figures are from: one period in a line under the title; when each
 * corregimiento's latest figure is from another period, it says so and the table names each one's.
 * Pointing at a territory shows its name and figure.
 */
class ChoroplethPeriodTest {
  private static ChoroplethMap map(String first, String second) {
    return new ChoroplethMap(
        ChartFixtures.meta("Homicidios por corregimiento", "casos", NumberStyle.INTEGER),
        List.of(
            Area.of("C1", "Barrio Balboa", ChoroplethMapTest.square(0, false), 12)
                .withPeriod(first),
            Area.of("C2", "Barrio Colón", ChoroplethMapTest.square(1, false), 40)
                .withPeriod(second),
            Area.withheld("C3", "Amador", ChoroplethMapTest.square(2, false)).withPeriod(first),
            Area.noData("C4", "Feuillet", ChoroplethMapTest.square(3, false))),
        4,
        false,
        null,
        null);
  }

  @Test
  void oneShownPeriodIsNamedUnderTheTitleAndEachTerritoryHasItsNameOnPointing() {
    String svg = BundleCharts.svg(map("2025", "2025"), 800, 520, ChoroplethMapTest.SPANISH);

    assertThat(String.join(" ", SvgDoc.parse(svg).texts()))
        .contains("Periodo: 2025.")
        .doesNotContain("Último dato");
    assertThat(svg)
        .contains("<title>Barrio Balboa: 12 (2025)</title>")
        .contains("<title>Amador: suprimido (2025)</title>")
        .contains("<title>Feuillet: Sin datos</title>");
  }

  @Test
  void mixedPeriodsAreSaidOnTheMapAndNamedRowByRowInTheTable() {
    ChoroplethMap map = map("2025", "jun. 2026");
    String svg = BundleCharts.svg(map, 800, 520, ChoroplethMapTest.SPANISH);
    ChartDescription table = BundleCharts.describe(map, ChoroplethMapTest.SPANISH);

    assertThat(String.join(" ", SvgDoc.parse(svg).texts()))
        .contains("Último dato de cada corregimiento")
        .doesNotContain("Periodo: 2025");
    assertThat(table.header()).containsExactly("Territorio", "Valor", "Clase", "Periodo");
    assertThat(table.rows())
        .extracting(r -> r.get(0) + " " + r.get(3))
        .containsExactly(
            "Barrio Balboa 2025", "Barrio Colón jun. 2026", "Amador 2025", "Feuillet ");
    assertThat(table.altText()).contains("Último dato de cada corregimiento");
  }

  @Test
  void aMapWithoutPeriodsKeepsItsThreeColumns() {
    ChartDescription table =
        BundleCharts.describe(ChoroplethMapTest.robberyRateMap(false), ChoroplethMapTest.SPANISH);
    assertThat(table.header()).hasSize(3);
  }
}
