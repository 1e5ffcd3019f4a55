package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What a reader sees of a suppressed territory and of the target on the charts. */
class SuppressionAndTargetTest {
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");
  static final int BAR_COLOUR = Palette.BLUE.getRGB();

  @Test
  void aSuppressedTerritoryIsLabelledSuppressedAndGetsNoBar() {
    SvgDoc svg =
        SvgDoc.parse(BundleCharts.svg(ChartFixtures.robberiesByCorregimiento(), 800, 450, SPANISH));

    assertThat(svg.texts()).contains("Playa Leona", "suprimido");
    List<Element> bars =
        svg.filledRects((BAR_COLOUR >> 16) & 0xFF, (BAR_COLOUR >> 8) & 0xFF, BAR_COLOUR & 0xFF);
    assertThat(bars).as("one bar per published territory").hasSize(5);
    for (Element rect : svg.elements("rect")) {
      assertThat(SvgDoc.number(rect, "width")).as("no zero-length bar").isGreaterThan(0.5);
      assertThat(SvgDoc.number(rect, "height")).isGreaterThan(0.5);
    }
    double suppressedRow = textY(svg, "suprimido");
    for (Element bar : bars) {
      double top = SvgDoc.number(bar, "y");
      double bottom = top + SvgDoc.number(bar, "height");
      assertThat(suppressedRow < top || suppressedRow > bottom)
          .as("no bar in the suppressed row")
          .isTrue();
    }
  }

  @Test
  void inEnglishTheMarkSaysSuppressed() {
    SvgDoc svg =
        SvgDoc.parse(
            BundleCharts.svg(ChartFixtures.robberiesByCorregimiento(), 800, 450, Locale.ENGLISH));

    assertThat(svg.texts()).contains("suppressed", "Target: 30.0").doesNotContain("suprimido");
  }

  @Test
  void theTargetIsMarkedWithItsValueOnTheBars() {
    SvgDoc svg =
        SvgDoc.parse(BundleCharts.svg(ChartFixtures.robberiesByCorregimiento(), 800, 450, SPANISH));

    assertThat(svg.texts()).contains("Meta: 30.0");
    // A dashed black line crosses the plot at the target.
    assertThat(
            svg.elements("line").stream()
                .map(l -> l.getAttribute("style"))
                .filter(s -> s.contains("stroke:rgb(0,0,0)") && s.contains("stroke-dasharray")))
        .isNotEmpty();
  }

  @Test
  void aSuppressedSurveyEstimateSaysWhichSubgroupIsSuppressed() {
    SvgDoc svg =
        SvgDoc.parse(
            BundleCharts.svg(ChartFixtures.insecurityBySexAndTerritory(), 800, 450, SPANISH));

    assertThat(svg.texts()).contains("Hombres: suprimido");
    assertThat(svg.texts())
        .contains(
            "Líneas: intervalo de confianza del 95\u00a0%. Punto hueco: estimación de baja precisión,"
                + " interprétese con cautela.");
  }

  @Test
  void theTimeSeriesShowsTheTargetTrajectoryBaselineAndForecastInTheLegend() {
    SvgDoc svg =
        SvgDoc.parse(BundleCharts.svg(ChartFixtures.homicideRateBySex(), 800, 450, SPANISH));

    assertThat(svg.texts())
        .contains(
            "Mujeres",
            "Hombres",
            "Total",
            "Meta",
            "Pronóstico (intervalo del 90\u00a0%)",
            "Línea de base (ene. 2021): 16.0");
  }

  @Test
  void everyProgressRowNamesItsStatusBesideItsMark() {
    SvgDoc svg =
        SvgDoc.parse(BundleCharts.svg(ChartFixtures.actionCardProgress(), 800, 450, SPANISH));

    assertThat(svg.texts())
        .contains(
            "80 · En camino",
            "30 · Fuera de rumbo",
            "52 · En riesgo",
            "105 · Meta alcanzada",
            "Sin datos",
            "40 · Sin meta");
  }

  private static double textY(SvgDoc svg, String text) {
    return svg.elements("text").stream()
        .filter(t -> t.getTextContent().equals(text))
        .mapToDouble(t -> SvgDoc.number(t, "y"))
        .findFirst()
        .orElseThrow();
  }
}
