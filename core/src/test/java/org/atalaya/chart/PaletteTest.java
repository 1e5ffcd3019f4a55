package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atalaya.progress.ProgressStatus;
import org.junit.jupiter.api.Test;

/**
 * The colours stay apart for readers with the common colour-vision deficiencies. Vision is
 * simulated with the full-severity matrices of Machado, Oliveira and Fernandes, "A Physiologically
 * -based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009 (table at
 * https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html), applied to
 * linear sRGB; distance is CIE 1976 ΔE in CIELAB (D65). 15 is well above the ≈2.3 just-noticeable
 * difference and leaves two marks side by side clearly apart.
 */
class PaletteTest {
  static final double MIN_DELTA_E = 15;

  static final double[][] PROTANOPIA = {
    {0.152286, 1.052583, -0.204868},
    {0.114503, 0.786281, 0.099216},
    {-0.003882, -0.048116, 1.051998}
  };
  static final double[][] DEUTERANOPIA = {
    {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}
  };
  static final double[][] TRITANOPIA = {
    {1.255528, -0.076749, -0.178779},
    {-0.078411, 0.930809, 0.147602},
    {0.004733, 0.691367, 0.303900}
  };
  static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

  @Test
  void seriesColoursStayApartUnderEveryDeficiency() {
    assertPairwiseApart(Palette.SERIES);
  }

  @Test
  void statusColoursStayApartUnderEveryDeficiency() {
    List<Color> colours = new ArrayList<>();
    for (ProgressStatus s : ProgressStatus.values()) {
      colours.add(StatusStyle.of(s).color());
    }
    assertPairwiseApart(colours);
  }

  @Test
  void statusesAlsoDifferByShapeAndByName() {
    Set<String> shapes = new HashSet<>();
    Set<String> spanish = new HashSet<>();
    Set<String> english = new HashSet<>();
    for (ProgressStatus s : ProgressStatus.values()) {
      StatusStyle style = StatusStyle.of(s);
      shapes.add(outline(style) + style.filled());
      spanish.add(BundleCharts.format(Locale.forLanguageTag("es-PA"), style.labelKey()));
      english.add(BundleCharts.format(Locale.ENGLISH, style.labelKey()));
    }
    int n = ProgressStatus.values().length;
    assertThat(shapes).hasSize(n);
    assertThat(spanish).hasSize(n).doesNotContain("chart.status.ON_TRACK");
    assertThat(english).hasSize(n).contains("On track");
  }

  @Test
  void sexesKeepTheirColoursApartToo() {
    assertPairwiseApart(
        List.of(
            Palette.of(org.atalaya.indicator.Sex.F),
            Palette.of(org.atalaya.indicator.Sex.M),
            Palette.of(org.atalaya.indicator.Sex._U),
            Palette.of(org.atalaya.indicator.Sex._T)));
  }

  private static void assertPairwiseApart(List<Color> colours) {
    for (double[][] vision : List.of(NORMAL, PROTANOPIA, DEUTERANOPIA, TRITANOPIA)) {
      for (int i = 0; i < colours.size(); i++) {
        for (int j = i + 1; j < colours.size(); j++) {
          double d =
              deltaE(lab(simulate(vision, colours.get(i))), lab(simulate(vision, colours.get(j))));
          assertThat(d)
              .as("ΔE between %s and %s", colours.get(i), colours.get(j))
              .isGreaterThanOrEqualTo(MIN_DELTA_E);
        }
      }
    }
  }

  /** Known values: sRGB white is L*=100 and mid grey #777777 is L*≈50 (Lindbloom's calculator). */
  @Test
  void labConversionMatchesPublishedValues() {
    assertThat(lab(simulate(NORMAL, Color.WHITE))[0])
        .isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
    assertThat(lab(simulate(NORMAL, new Color(0x777777)))[0])
        .isCloseTo(50.03, org.assertj.core.data.Offset.offset(0.1));
  }

  static double[] simulate(double[][] m, Color c) {
    double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
      out[i] = Math.max(0, Math.min(1, v));
    }
    return out;
  }

  static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  static double[] lab(double[] rgb) {
    double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
    double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
    double fx = f(x / 0.95047);
    double fy = f(y);
    double fz = f(z / 1.08883);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double f(double t) {
    double d = 6.0 / 29;
    return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
  }

  static double deltaE(double[] a, double[] b) {
    return Math.sqrt(
        (a[0] - b[0]) * (a[0] - b[0])
            + (a[1] - b[1]) * (a[1] - b[1])
            + (a[2] - b[2]) * (a[2] - b[2]));
  }

  private static String outline(StatusStyle style) {
    StringBuilder path = new StringBuilder();
    double[] coords = new double[6];
    for (PathIterator it = style.shape().getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(coords);
      path.append(type)
          .append(':')
          .append(Math.round(coords[0]))
          .append(',')
          .append(Math.round(coords[1]))
          .append(' ');
    }
    return path.toString();
  }
}
