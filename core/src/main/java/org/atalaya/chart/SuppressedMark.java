package org.atalaya.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * How a suppressed cell looks wherever it falls: an empty, hatched band with the word "suprimido",
 * so that nobody reads it as a zero.
 */
final class SuppressedMark {
  private static final BasicStroke HATCH = new BasicStroke(0.8f);
  private static final BasicStroke OUTLINE =
      new BasicStroke(
          0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f);
  private static final double SPACING = 6;

  private SuppressedMark() {}

  static void draw(Graphics2D g2, Rectangle2D band, String label) {
    Shape savedClip = g2.getClip();
    g2.clip(band);
    g2.setPaint(Palette.HATCH);
    g2.setStroke(HATCH);
    double h = band.getHeight();
    for (double x = band.getMinX() - h; x < band.getMaxX(); x += SPACING) {
      g2.draw(new Line2D.Double(x, band.getMaxY(), x + h, band.getMinY()));
    }
    g2.setClip(savedClip);
    g2.setStroke(OUTLINE);
    g2.draw(band);

    g2.setFont(Theme.NOTE);
    int width = g2.getFontMetrics().stringWidth(label);
    int ascent = g2.getFontMetrics().getAscent();
    double x = band.getMinX() + 6;
    double y = band.getCenterY() + ascent / 2.0 - 1;
    g2.setPaint(java.awt.Color.WHITE);
    g2.fill(
        new Rectangle2D.Double(x - 3, band.getCenterY() - ascent / 2.0 - 2, width + 6, ascent + 3));
    g2.setPaint(Palette.TEXT);
    g2.drawString(label, (float) x, (float) y);
  }
}
