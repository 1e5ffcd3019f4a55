package org.atalaya.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG chart parsed as XML, as a browser or a PDF renderer would have to. */
record SvgDoc(Document document) {
  static SvgDoc parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return new SvgDoc(
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Every piece of text drawn, in drawing order. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    elements("text").forEach(t -> texts.add(t.getTextContent()));
    return texts;
  }

  String title() {
    return elements("title").get(0).getTextContent();
  }

  List<Element> elements(String name) {
    NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** Filled rectangles of the given colour, as JFreeSVG writes it: {@code fill:rgb(r,g,b)}. */
  List<Element> filledRects(int r, int g, int b) {
    String fill = "fill:rgb(" + r + "," + g + "," + b + ")";
    return elements("rect").stream().filter(e -> e.getAttribute("style").contains(fill)).toList();
  }

  static double number(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
