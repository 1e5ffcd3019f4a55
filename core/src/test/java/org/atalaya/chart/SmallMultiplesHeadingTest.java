package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.SmallMultiplesChart.Panel;
import org.atalaya.progress.ProgressStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A panel's heading stays readable when its status is a note as long as its title ("sin valoración:
 * la cifra está suprimida" beside "HOM-TASA · Tasa de homicidios…"): the note gets its own line
 * instead of being drawn over the title; a panel whose every figure is withheld says so, never "sin
 * datos".
 */
class SmallMultiplesHeadingTest {
  static final String TITLE = "HOM-TASA · Tasa de homicidios por 100 000 h…";
  static final String NOTE = "sin valoración: la cifra está suprimida";

  @Test
  void aLongNoteGoesUnderTheTitleAndAWithheldPanelSaysSo() {
    var chart =
        new SmallMultiplesChart(
            ChartFixtures.meta("Barrio Balboa", "según el indicador", NumberStyle.ONE_DECIMAL),
            List.of(
                new Panel(
                    TITLE,
                    "por 100 000 hab.",
                    NumberStyle.ONE_DECIMAL,
                    List.of(),
                    List.of(),
                    ProgressStatus.NO_DATA,
                    NOTE,
                    LocalDate.of(2025, 1, 1)),
                new Panel(
                    "VD · Denuncias",
                    "denuncias",
                    NumberStyle.INTEGER,
                    ChartFixtures.monthly(12, 3, 0),
                    List.of(),
                    ProgressStatus.ON_TRACK)),
            2);
    SvgDoc svg = SvgDoc.parse(BundleCharts.svg(chart, 880, 300, Locale.forLanguageTag("es-PA")));

    Element title = text(svg, TITLE);
    Element note = text(svg, NOTE);
    assertThat(y(note)).as("the note on its own line").isGreaterThan(y(title) + 8);
    assertThat(svg.texts()).contains("Suprimido").doesNotContain("Sin datos");
    // A short status still fits beside its title, on the same line.
    assertThat(y(text(svg, "En camino")))
        .isCloseTo(y(text(svg, "VD · Denuncias")), org.assertj.core.api.Assertions.within(3.0));
  }

  private static Element text(SvgDoc svg, String content) {
    return svg.elements("text").stream()
        .filter(t -> t.getTextContent().equals(content))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no text «" + content + "» in " + svg.texts()));
  }

  private static double y(Element text) {
    return SvgDoc.number(text, "y");
  }
}
