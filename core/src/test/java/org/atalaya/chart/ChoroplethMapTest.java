package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.atalaya.chart.ChoroplethMap.Area;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A corregimiento map as a reader meets it: each territory one shape in its class's colour, a
 * withheld figure hatched (never a class colour, never the lowest one), no data in grey, the
 * classes stated, illustrative boundaries said so, and the same figures in the table beside it.
 */
class ChoroplethMapTest {
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  /** A 3 × 2 grid of unit squares near La Chorrera; the first has a hole (a lagoon). */
  static List<List<double[]>> square(int i, boolean hole) {
    double lon = -79.9 + (i % 3) * 0.05;
    double lat = 8.8 + (i / 3) * 0.05;
    List<List<double[]>> rings = new ArrayList<>();
    rings.add(ring(lon, lat, 0.05));
    if (hole) {
      rings.add(ring(lon + 0.015, lat + 0.015, 0.02));
    }
    return rings;
  }

  private static List<double[]> ring(double lon, double lat, double size) {
    return List.of(
        new double[] {lon, lat},
        new double[] {lon + size, lat},
        new double[] {lon + size, lat + size},
        new double[] {lon, lat + size},
        new double[] {lon, lat});
  }

  static ChoroplethMap robberyRateMap(boolean illustrative) {
    return new ChoroplethMap(
        ChartFixtures.meta(
            "Tasa de robos por corregimiento, 2025", "por 100 000 hab.", NumberStyle.ONE_DECIMAL),
        List.of(
            Area.of("C1", "Barrio Balboa", square(0, true), 12.5),
            Area.of("C2", "Barrio Colón", square(1, false), 40.0),
            Area.of("C3", "Amador", square(2, false), 80.2),
            Area.of("C4", "Arosemena", square(3, false), 150.0),
            Area.withheld("C5", "El Arado", square(4, false)),
            Area.noData("C6", "Feuillet", square(5, false))),
        4,
        illustrative,
        "C3",
        null);
  }

  private static Element group(SvgDoc doc, String code) {
    return doc.elements("g").stream()
        .filter(g -> g.getAttribute("id").equals("area-" + code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no shape for " + code));
  }

  private static String fillOf(String svg, String code) {
    Matcher m =
        Pattern.compile(
                "id='area-"
                    + code
                    + "'[^>]*>(?:<title>[^<]*</title>)?<g style='(fill:rgb\\([0-9,]+\\))")
            .matcher(svg);
    return m.find() ? m.group(1) : "no fill for " + code;
  }

  @Test
  void eachTerritoryIsOneShapeInItsClassWithheldHatchedNoDataGrey() {
    String svg = BundleCharts.svg(robberyRateMap(true), 800, 520, SPANISH);
    SvgDoc doc = SvgDoc.parse(svg);

    assertThat(doc.elements("g").stream().filter(g -> g.getAttribute("id").startsWith("area-")))
        .hasSize(6);
    assertThat(group(doc, "C1").getAttribute("class")).contains("map-class-1");
    assertThat(group(doc, "C4").getAttribute("class")).contains("map-class-4");
    assertThat(fillOf(svg, "C1")).contains("fill:rgb(198,219,239)");
    assertThat(fillOf(svg, "C4")).contains("fill:rgb(8,48,107)");

    Element withheld = group(doc, "C5");
    assertThat(withheld.getAttribute("class")).contains("map-withheld");
    assertThat(fillOf(svg, "C5")).contains("fill:rgb(255,255,255)");
    assertThat(withheld.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength())
        .as("hatching")
        .isGreaterThan(3);
    assertThat(group(doc, "C6").getAttribute("class")).contains("map-nodata");
    assertThat(fillOf(svg, "C6")).contains("fill:rgb(189,189,189)");

    assertThat(doc.texts())
        .contains(
            "Tasa de robos por corregimiento, 2025",
            "Clases por cuantiles: 4 clases de tamaño parecido; valores iguales quedan en la misma clase.",
            "Límites ilustrativos, no oficiales.",
            "12.5",
            "150.0",
            "Suprimido",
            "Sin datos");
    assertThat(doc.title())
        .contains("Mayor valor: Arosemena, 150.0")
        .contains("Suprimidos por pocos casos o baja precisión: El Arado");
  }

  @Test
  void officialBoundariesCarryNoIllustrativeLabel() {
    SvgDoc doc = SvgDoc.parse(BundleCharts.svg(robberyRateMap(false), 800, 520, SPANISH));
    assertThat(String.join(" ", doc.texts())).doesNotContain("ilustrativos");
  }

  @Test
  void theTableBesideTheMapHasTheSameFiguresAndClasses() {
    ChartDescription table = BundleCharts.describe(robberyRateMap(true), SPANISH);
    assertThat(table.header()).containsExactly("Territorio", "Valor", "Clase");
    assertThat(table.rows())
        .containsExactly(
            List.of("Barrio Balboa", "12.5", "Clase 1 de 4"),
            List.of("Barrio Colón", "40.0", "Clase 2 de 4"),
            List.of("Amador", "80.2", "Clase 3 de 4"),
            List.of("Arosemena", "150.0", "Clase 4 de 4"),
            List.of("El Arado", "suprimido", ""),
            List.of("Feuillet", "Sin datos", ""));
    assertThat(BundleCharts.describe(robberyRateMap(true), Locale.ENGLISH).altText())
        .contains("Illustrative boundaries, not official.");
  }

  @Test
  void thePngDrawsTheSameColoursAndLeavesTheLagoonEmpty() throws IOException {
    BufferedImage png =
        ImageIO.read(
            new ByteArrayInputStream(BundleCharts.png(robberyRateMap(true), 800, 520, SPANISH)));
    assertThat(count(png, 0x08306B)).as("darkest class").isGreaterThan(1000);
    assertThat(count(png, 0xC6DBEF)).as("lowest class").isGreaterThan(1000);
    assertThat(count(png, 0xBDBDBD)).as("no data").isGreaterThan(1000);
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
