package org.atalaya.exchange.dhis2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the data values of DHIS2's exchange files: {@code dataValueSets} in JSON (a set's own
 * period, org unit and combo apply to values that lack them) and in CSV (with or without DHIS2's
 * header row), and ADX (ihe.net's Aggregate Data Exchange: groups with an ISO period, category
 * options as attributes, written {@code Sex_category=F} and, for several, joined by {@code ;} in
 * name order).
 */
final class Dhis2Files {
  private static final List<String> CSV_COLUMNS =
      List.of(
          "dataelement",
          "period",
          "orgunit",
          "categoryoptioncombo",
          "attributeoptioncombo",
          "value");

  private Dhis2Files() {}

  static List<Dhis2Value> json(byte[] body) throws IOException {
    JsonNode root = new ObjectMapper().readTree(body);
    if (root == null || !root.path("dataValues").isArray()) {
      throw new IOException("no dataValues");
    }
    List<Dhis2Value> values = new ArrayList<>();
    long row = 0;
    for (JsonNode v : root.get("dataValues")) {
      row++;
      values.add(
          new Dhis2Value(
              row,
              v.path("dataElement").asText(""),
              text(v, root, "period"),
              text(v, root, "orgUnit"),
              text(v, root, "categoryOptionCombo"),
              v.path("value").asText("")));
    }
    return values;
  }

  private static String text(JsonNode value, JsonNode set, String field) {
    String own = value.path(field).asText("");
    return own.isEmpty() ? set.path(field).asText("") : own;
  }

  static List<Dhis2Value> csv(byte[] body) throws IOException {
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .parse(new StringReader(new String(body, StandardCharsets.UTF_8)))
            .getRecords();
    List<Dhis2Value> values = new ArrayList<>();
    boolean header =
        !records.isEmpty()
            && records
                .get(0)
                .get(0)
                .toLowerCase(Locale.ROOT)
                .replace(" ", "")
                .equals("dataelement");
    for (int i = header ? 1 : 0; i < records.size(); i++) {
      CSVRecord r = records.get(i);
      if (r.size() < CSV_COLUMNS.size()) {
        throw new IOException("row " + (i + 1) + " has " + r.size() + " columns");
      }
      values.add(new Dhis2Value(i + 1, r.get(0), r.get(1), r.get(2), r.get(3), r.get(5)));
    }
    return values;
  }

  static List<Dhis2Value> adx(byte[] body) throws IOException {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(true);
      var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
      List<Dhis2Value> values = new ArrayList<>();
      NodeList groups = doc.getElementsByTagNameNS("*", "group");
      long row = 0;
      for (int g = 0; g < groups.getLength(); g++) {
        Element group = (Element) groups.item(g);
        NodeList dvs = group.getElementsByTagNameNS("*", "dataValue");
        for (int d = 0; d < dvs.getLength(); d++) {
          Element dv = (Element) dvs.item(d);
          row++;
          values.add(
              new Dhis2Value(
                  row,
                  dv.getAttribute("dataElement"),
                  group.getAttribute("period"),
                  group.getAttribute("orgUnit"),
                  combo(dv),
                  dv.getAttribute("value")));
        }
      }
      return values;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** A combo by identifier, or the category options the value carries as attributes. */
  private static String combo(Element dv) {
    if (!dv.getAttribute("categoryOptionCombo").isEmpty()) {
      return dv.getAttribute("categoryOptionCombo");
    }
    Map<String, String> options = new TreeMap<>();
    NamedNodeMap attributes = dv.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      String name = attributes.item(i).getNodeName();
      if (!List.of("dataElement", "value", "categoryOptionCombo").contains(name)) {
        options.put(name, attributes.item(i).getNodeValue());
      }
    }
    List<String> parts = new ArrayList<>();
    options.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(";", parts);
  }
}
