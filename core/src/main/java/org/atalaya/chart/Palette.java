package org.atalaya.chart;

import java.awt.Color;
import java.util.List;
import org.atalaya.indicator.Sex;

/**
 * Okabe and Ito's colour-blind-safe palette (Okabe M, Ito K. Color Universal Design, 2002/2008,
 * https://jfly.uni-koeln.de/color/), the only colours the charts use besides greys. Yellow is left
 * out of lines and marks: it is too light on white.
 */
final class Palette {
  static final Color BLACK = new Color(0x000000);
  static final Color ORANGE = new Color(0xE69F00);
  static final Color SKY_BLUE = new Color(0x56B4E9);
  static final Color BLUISH_GREEN = new Color(0x009E73);
  static final Color YELLOW = new Color(0xF0E442);
  static final Color BLUE = new Color(0x0072B2);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color REDDISH_PURPLE = new Color(0xCC79A7);

  static final Color TEXT = new Color(0x222222);
  static final Color MUTED_TEXT = new Color(0x555555);
  static final Color GRID = new Color(0xDDDDDD);
  static final Color HATCH = new Color(0x9A9A9A);
  static final Color BAND = new Color(0xE8E8E8);

  /** Series colours in the order series are given, when they are not by sex. */
  static final List<Color> SERIES =
      List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, BLACK);

  /**
   * Map classes, light to dark: ColorBrewer's sequential "Blues" (Brewer C., colorbrewer2.org),
   * without its two palest steps, so that the lowest class is never mistaken for an empty cell.
   */
  static final List<Color> SEQUENTIAL =
      List.of(
          new Color(0xC6DBEF),
          new Color(0x9ECAE1),
          new Color(0x6BAED6),
          new Color(0x4292C6),
          new Color(0x2171B5),
          new Color(0x08519C),
          new Color(0x08306B));

  /** A map's territory with nothing to show: a plain mid grey, unlike any class. */
  static final Color NO_DATA = new Color(0xBDBDBD);

  private Palette() {}

  /** The colour of class {@code index} of {@code count}, spread over the sequential scale. */
  static Color sequential(int index, int count) {
    if (count <= 1) {
      return SEQUENTIAL.get(3);
    }
    return SEQUENTIAL.get((int) Math.round(index * (SEQUENTIAL.size() - 1.0) / (count - 1)));
  }

  static Color series(int index) {
    return SERIES.get(index % SERIES.size());
  }

  /** The same sex has the same colour in every chart of the product. */
  static Color of(Sex sex) {
    return switch (sex) {
      case F -> VERMILLION;
      case M -> BLUE;
      case _U -> REDDISH_PURPLE;
      case _T -> BLACK;
    };
  }
}
