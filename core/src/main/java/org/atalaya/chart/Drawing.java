package org.atalaya.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Something that draws itself into an area of a PNG's or an SVG's graphics alike. */
interface Drawing {
  void draw(Graphics2D g2, Rectangle2D area);
}
