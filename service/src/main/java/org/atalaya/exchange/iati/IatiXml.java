package org.atalaya.exchange.iati;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A small DOM writer for IATI's elements: narratives in Spanish, numbers with a point. */
final class IatiXml {
  private final Document doc;

  IatiXml() {
    try {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  Element root(String name) {
    Element e = doc.createElement(name);
    doc.appendChild(e);
    return e;
  }

  Element add(Element parent, String name, String... attributes) {
    Element e = doc.createElement(name);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        e.setAttribute(attributes[i], attributes[i + 1]);
      }
    }
    parent.appendChild(e);
    return e;
  }

  /** An element holding one narrative, or nothing when there is no text. */
  void narrated(Element parent, String name, String text, String... attributes) {
    if (text == null || text.isBlank()) {
      return;
    }
    narrative(add(parent, name, attributes), text);
  }

  void narrative(Element parent, String text) {
    add(parent, "narrative").setTextContent(text.strip());
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  byte[] bytes() {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      var transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      doc.setXmlStandalone(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
