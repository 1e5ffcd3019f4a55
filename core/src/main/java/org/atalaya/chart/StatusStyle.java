package org.atalaya.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.atalaya.progress.ProgressStatus;

/**
 * A progress status as drawn: a colour, and, so that colour is never the only cue, a shape and a
 * label of its own.
 */
record StatusStyle(Color color, Shape shape, boolean filled, String labelKey) {
  private static final BasicStroke OUTLINE = new BasicStroke(1f);
  private static final double S = 5; // half the size of a status mark, in points

  static StatusStyle of(ProgressStatus status) {
    String key = "chart.status." + status.name();
    return switch (status) {
      case ACHIEVED -> new StatusStyle(Palette.BLUISH_GREEN, circle(), true, key);
      case ON_TRACK -> new StatusStyle(Palette.BLUE, triangleUp(), true, key);
      case AT_RISK -> new StatusStyle(Palette.ORANGE, diamond(), true, key);
      case OFF_TRACK -> new StatusStyle(Palette.VERMILLION, triangleDown(), true, key);
      case NO_DATA -> new StatusStyle(new Color(0xBBBBBB), square(), false, key);
      case NO_TARGET -> new StatusStyle(new Color(0x595959), square(), true, key);
    };
  }

  /** The status' shape, outlined so that a light fill still shows, followed by its words. */
  void draw(Graphics2D g2, double x, double y, String text) {
    Shape mark = AffineTransform.getTranslateInstance(x, y).createTransformedShape(shape);
    if (filled) {
      g2.setPaint(color);
      g2.fill(mark);
    }
    g2.setPaint(Palette.TEXT);
    g2.setStroke(OUTLINE);
    g2.draw(mark);
    g2.setFont(Theme.SMALL);
    g2.drawString(text, (float) (x + 9), (float) (y + g2.getFontMetrics().getAscent() / 2.0 - 1));
  }

  private static Shape circle() {
    return new Ellipse2D.Double(-S, -S, 2 * S, 2 * S);
  }

  private static Shape square() {
    return new Rectangle2D.Double(-S * 0.9, -S * 0.9, 1.8 * S, 1.8 * S);
  }

  private static Shape triangleUp() {
    return polygon(0, -S, S, S, -S, S);
  }

  private static Shape triangleDown() {
    return polygon(0, S, S, -S, -S, -S);
  }

  private static Shape diamond() {
    return polygon(0, -S * 1.2, S * 1.2, 0, 0, S * 1.2, -S * 1.2, 0);
  }

  private static Shape polygon(double... xy) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      path.lineTo(xy[i], xy[i + 1]);
    }
    path.closePath();
    return path;
  }
}
