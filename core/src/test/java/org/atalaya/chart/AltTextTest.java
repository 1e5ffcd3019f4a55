package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The words beside a chart. es-PA writes numbers as Panama does, with a decimal point and comma
 * thousands (1,234.5), a no-break space before the percent sign (61.2 %) and month abbreviations
 * with a period (dic. 2025); English writes 61.2% and Dec 2025.
 */
class AltTextTest {
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  @Test
  void timeSeriesAltTextGivesTheLatestValuesAndTheTarget() {
    String alt = BundleCharts.describe(ChartFixtures.homicideRateBySex(), SPANISH).altText();

    assertThat(alt)
        .startsWith("Tasa de homicidios (por 100 000 habitantes), de ene. 2021 a dic. 2027.")
        .contains("Total, último dato dic. 2025: 13.0")
        .contains("Meta para dic. 2027: 10.0.");
  }

  @Test
  void timeSeriesAltTextInEnglish() {
    String alt = BundleCharts.describe(ChartFixtures.homicideRateBySex(), Locale.ENGLISH).altText();

    assertThat(alt).contains("Women, latest Dec 2025: 3.1").contains("Target for Dec 2027: 10.0.");
  }

  @Test
  void theTableHasOneRowPerPeriodAndTheTargetBesideTheSeries() {
    ChartDescription d = BundleCharts.describe(ChartFixtures.homicideRateBySex(), SPANISH);

    assertThat(d.header())
        .containsExactly(
            "Periodo",
            "Mujeres",
            "Hombres",
            "Total",
            "Meta",
            "Pronóstico",
            "Límite inferior",
            "Límite superior");
    assertThat(d.rows()).hasSize(61); // 60 months and the final target's month
    assertThat(d.rows().get(0))
        .containsExactly("ene. 2021", "4.0", "28.0", "16.0", "16.0", "", "", "");
    assertThat(d.rows().get(60))
        .containsExactly("dic. 2027", "", "", "", "10.0", "12.3", "9.0", "15.6");
  }

  @Test
  void barsAltTextNamesHighestLowestTargetAndSuppressed() {
    ChartDescription d = BundleCharts.describe(ChartFixtures.robberiesByCorregimiento(), SPANISH);

    assertThat(d.altText())
        .contains("Mayor valor: El Coco, 1,234.5; menor: Herrera, 12.8.")
        .contains("Meta: 30.0.")
        .contains("Suprimidos por pocos casos o baja precisión: Playa Leona.");
    assertThat(d.rows()).contains(List.of("Playa Leona", "suprimido"));
    assertThat(d.rows()).noneMatch(r -> r.get(1).equals("0") || r.get(1).equals("0.0"));
  }

  @Test
  void estimatesReadAsPercentagesWithTheirIntervals() {
    assertThat(
            BundleCharts.describe(ChartFixtures.insecurityBySexAndTerritory(), SPANISH).altText())
        .contains("con intervalos de confianza del 95\u00a0%")
        .contains("Barrio Balboa, Mujeres: 61.2\u00a0% (de 55.0\u00a0% a 67.0\u00a0%)")
        .contains("Guadalupe, Hombres: suprimido");
    assertThat(
            BundleCharts.describe(ChartFixtures.insecurityBySexAndTerritory(), Locale.ENGLISH)
                .altText())
        .contains("Barrio Balboa, Mujeres: 61.2% (55.0% to 67.0%)");
  }

  @Test
  void progressAltTextGivesValueExpectedTargetAndStatus() {
    ChartDescription d = BundleCharts.describe(ChartFixtures.actionCardProgress(), SPANISH);

    assertThat(d.altText())
        .contains("Robos: 30, esperado 60, meta 100 (Fuera de rumbo)")
        .contains("Alumbrado: Sin datos");
    assertThat(d.rows().get(1)).containsExactly("Robos", "30", "60", "100", "Fuera de rumbo");
  }

  @Test
  void smallMultiplesListEachIndicatorWithItsLatestValueTargetAndStatus() {
    ChartDescription d = BundleCharts.describe(ChartFixtures.preventionAxis(), Locale.ENGLISH);

    assertThat(d.altText())
        .startsWith("Eje 1: Prevención, 3 indicators.")
        .contains("Tasa de homicidios: 13.0 (Dec 2025), target 10.0, At risk")
        .contains("Jóvenes en programas: 210 (2025), target 300, On track")
        .contains("Luminarias reparadas: No data");
  }

  @Test
  void theSvgCarriesTheAltTextAsItsTitle() {
    ChartSpec spec = ChartFixtures.robberiesByCorregimiento();

    assertThat(SvgDoc.parse(BundleCharts.svg(spec, 600, 400, SPANISH)).title())
        .isEqualTo(BundleCharts.describe(spec, SPANISH).altText());
  }
}
