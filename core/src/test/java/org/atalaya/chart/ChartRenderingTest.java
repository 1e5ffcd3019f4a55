package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartRenderingTest {
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  static Stream<ChartSpec> everyKind() {
    return Stream.of(
        ChartFixtures.homicideRateBySex(),
        ChartFixtures.robberiesByCorregimiento(),
        ChartFixtures.actionCardProgress(),
        ChartFixtures.insecurityBySexAndTerritory(),
        ChartFixtures.preventionAxis());
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void pngDecodesAtTheRequestedSizeAndShowsTheChart(ChartSpec spec) throws IOException {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(BundleCharts.png(spec, 720, 405, SPANISH)));

    assertThat(image.getWidth()).isEqualTo(720);
    assertThat(image.getHeight()).isEqualTo(405);
    long inked = 0;
    boolean paletteColour = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        inked += rgb == 0xFFFFFF ? 0 : 1;
        paletteColour |= Palette.SERIES.stream().anyMatch(c -> close(c.getRGB(), rgb));
        paletteColour |= rgb == Palette.BAND.getRGB() && spec instanceof BulletChart;
      }
    }
    assertThat(inked).as("pixels drawn").isGreaterThan(720L * 405 / 50);
    assertThat(paletteColour).as("a palette colour appears").isTrue();
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void svgIsWellFormedAndStatesTitleSourceAndDateInSpanish(ChartSpec spec) {
    SvgDoc svg = SvgDoc.parse(BundleCharts.svg(spec, 800, 450, SPANISH));

    List<String> texts = svg.texts();
    assertThat(texts).contains(spec.meta().title());
    assertThat(texts).contains("Fuente: Policía Nacional, SIEC. Datos al 31 dic. 2025.");
    assertThat(svg.title()).startsWith(spec.meta().title());
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void svgInEnglishDatesTheDataInEnglish(ChartSpec spec) {
    SvgDoc svg = SvgDoc.parse(BundleCharts.svg(spec, 800, 450, Locale.ENGLISH));

    assertThat(svg.texts()).contains("Source: Policía Nacional, SIEC. Data as of Dec 31, 2025.");
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void theSameChartTwiceGivesTheSameBytes(ChartSpec spec) {
    assertThat(BundleCharts.svg(spec, 640, 360, SPANISH))
        .isEqualTo(BundleCharts.svg(spec, 640, 360, SPANISH));
    assertThat(BundleCharts.png(spec, 640, 360, SPANISH))
        .isEqualTo(BundleCharts.png(spec, 640, 360, SPANISH));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void noLeftOverTimestampOrRandomIdInTheSvg(ChartSpec spec) {
    String svg = BundleCharts.svg(spec, 640, 360, SPANISH);

    SvgDoc.parse(svg).document().getDocumentElement().getElementsByTagName("*");
    assertThat(svg).doesNotContainPattern("id='_\\d{6,}");
    assertThat(svg).contains("id='atalaya-clip-0'");
  }

  private static boolean close(int a, int b) {
    int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
    int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
    int db = (a & 0xFF) - (b & 0xFF);
    return dr * dr + dg * dg + db * db < 100;
  }
}
