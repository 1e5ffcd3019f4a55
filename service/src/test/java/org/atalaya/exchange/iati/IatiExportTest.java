package org.atalaya.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * The demo plan's priority projects as IATI activities, read as a donor's tool would: valid against
 * IATI's own 2.03 schema (test resources exchange/iati, CC BY 4.0), each linked indicator with its
 * baseline and targets as the plan states them, and its actual values equal to the anonymous
 * figures API period by period and sex by sex — a withheld figure without a number.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class IatiExportTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String EXPORT = "/api/public/plans/" + PLAN + "/iati.xml?asOf=2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  private byte[] export() {
    var reply = new Api(client).call(HttpRequest.GET(EXPORT), byte[].class);
    assertThat(reply.status()).as("%s", reply.problem()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/xml");
    return reply.value();
  }

  private static Document parse(byte[] xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static NodeList nodes(Object context, String path) throws Exception {
    return (NodeList)
        XPathFactory.newInstance().newXPath().evaluate(path, context, XPathConstants.NODESET);
  }

  private static String text(Object context, String path) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(path, context);
  }

  /** The schema's complaints about a document, empty when it is valid. */
  private static List<String> invalid(byte[] xml) throws Exception {
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema =
        factory.newSchema(
            IatiExportTest.class.getResource("/exchange/iati/iati-activities-schema.xsd"));
    List<String> problems = new ArrayList<>();
    var validator = schema.newValidator();
    validator.setErrorHandler(
        new org.xml.sax.helpers.DefaultHandler() {
          @Override
          public void error(SAXParseException e) {
            problems.add(e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            problems.add(e.getLineNumber() + ": " + e.getMessage());
          }
        });
    validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    return problems;
  }

  @Test
  void anExportMadeOnTheMinuteIsStillValid() throws Exception {
    // The export stamps the moment it was made; made at 14:40:00 it once wrote "14:40Z", which
    // the schema refuses. Read the stamp back and put in the one the export writes on the minute.
    String xml = new String(export(), StandardCharsets.UTF_8);
    Element root = parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    String made = root.getAttribute("generated-datetime");
    String onTheMinute = IatiActivities.dateTime(Instant.parse("2026-12-07T14:40:00Z"));
    assertThat(onTheMinute).isEqualTo("2026-12-07T14:40:00Z");
    byte[] remade = xml.replace(made, onTheMinute).getBytes(StandardCharsets.UTF_8);
    assertThat(invalid(remade)).isEmpty();
  }

  @Test
  void theExportIsValidIatiWithOneActivityPerPriorityProject() throws Exception {
    byte[] xml = export();
    assertThat(invalid(xml)).isEmpty();
    // The schema does refuse: an activity without its identifier is not IATI.
    String broken =
        new String(xml, StandardCharsets.UTF_8)
            .replaceFirst("<iati-identifier>[^<]*</iati-identifier>", "");
    assertThat(invalid(broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();

    // A citizen or a donor finds it on the reports and open data page, without a published report.
    var page =
        new Api(client)
            .call(HttpRequest.GET("/informes").header("Accept-Language", "es-PA"), String.class);
    assertThat(page.value())
        .contains("href=\"/api/public/plans/" + PLAN + "/iati.xml\"")
        .contains("Resultados de los proyectos prioritarios para donantes (IATI, XML)");

    Document doc = parse(xml);
    assertThat(text(doc, "/iati-activities/@version")).isEqualTo("2.03");
    assertThat(nodes(doc, "//iati-activity").getLength()).isEqualTo(3);
    Object first = nodes(doc, "//iati-activity").item(0);
    assertThat(text(first, "iati-identifier")).isEqualTo("XX-ATALAYA-DEMO-" + PLAN + "-PRY-01");
    assertThat(text(first, "title/narrative"))
        .isEqualTo("Barrios iluminados y parques para la convivencia");
    assertThat(((Element) first).getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("es");
    assertThat(text(first, "participating-org[@role='4']/@type")).isEqualTo("11");
    assertThat(
            nodes(first, "result/indicator/reference/@code").item(0).getNodeValue()
                + ","
                + nodes(first, "result/indicator/reference/@code").item(1).getNodeValue())
        .isEqualTo("CALLES-ILUMINADAS,PARQUES-REHAB");
  }

  @Test
  void baselinesAndTargetsAreThePlansAndActualsThePublicFigures() throws Exception {
    Document doc = parse(export());
    Object vd = nodes(doc, "//indicator[reference/@code='VD-DENUNCIAS']").item(0);
    assertThat(text(vd, "@measure")).isEqualTo("1");
    assertThat(text(vd, "@ascending")).isEqualTo("true");
    // The plan's targets (demo indicators.yml): baseline 14 in Dec 2024, 20 by Dec 2028.
    assertThat(text(vd, "baseline[not(dimension)]/@value")).isEqualTo("14");
    assertThat(text(vd, "baseline[not(dimension)]/@year")).isEqualTo("2024");
    assertThat(
            text(vd, "period[period-start/@iso-date='2028-12-01']/target[not(dimension)]/@value"))
        .isEqualTo("20");
    assertThat(text(vd, "period[period-start/@iso-date='2028-12-01']/period-end/@iso-date"))
        .isEqualTo("2028-12-31");

    int withheld = 0;
    int compared = 0;
    for (String sex : List.of("_T", "F", "M")) {
      Map<String, Element> actuals = new HashMap<>();
      String dimension =
          switch (sex) {
            case "F" -> "dimension[@name='sex' and @value='female']";
            case "M" -> "dimension[@name='sex' and @value='male']";
            default -> "not(dimension)";
          };
      NodeList periods = nodes(vd, "period");
      for (int i = 0; i < periods.getLength(); i++) {
        Element p = (Element) periods.item(i);
        NodeList a = nodes(p, "actual[" + dimension + "]");
        if (a.getLength() > 0) {
          actuals.put(text(p, "period-start/@iso-date"), (Element) a.item(0));
        }
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> figures =
          new Api(client)
              .get(
                  "/api/public/indicators/VD-DENUNCIAS/figures?asOf=2025-12-31&sex=" + sex,
                  Map.class)
              .value();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) figures.get("figures");
      assertThat(actuals).as(sex).hasSize(list.size());
      for (Map<String, Object> f : list) {
        Element actual = actuals.get((String) f.get("start"));
        assertThat(actual).as("%s %s", sex, f).isNotNull();
        if ("WITHHELD".equals(f.get("mark"))) {
          withheld++;
          assertThat(actual.hasAttribute("value")).as("%s %s", sex, f).isFalse();
          assertThat(text(actual, "comment/narrative")).startsWith("Suprimido");
        } else {
          compared++;
          assertThat(Double.parseDouble(actual.getAttribute("value")))
              .as("%s %s", sex, f)
              .isEqualTo(((Number) f.get("value")).doubleValue());
        }
      }
    }
    assertThat(compared).isGreaterThan(10);
    // Not every demo count is large; whether any is withheld at district level, none is a number.
    assertThat(withheld).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aProjectsResultIndicatorsAreChosenByStaffAndCheckedAgainstThePlan() throws Exception {
    Api api = new Api(client);
    String uri = "/api/plans/" + PLAN + "/projects/PRY-03/iati";
    var anonymous =
        api.call(HttpRequest.PUT(uri, Map.of("indicators", List.of("HOM-TASA"))), Map.class);
    assertThat(anonymous.status()).isEqualTo(401);

    var refused =
        api.call(
            HttpRequest.PUT(uri, Map.of("indicators", List.of("PERCEPCION-INSEG", "NO-EXISTE")))
                .bearerAuth(api.analystToken())
                .header("Accept-Language", "es-PA"),
            Map.class);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(String.valueOf(refused.error()))
        .contains("«NO-EXISTE» no es un indicador del plan " + PLAN);
    assertThat(
            api.call(HttpRequest.GET(uri).bearerAuth(api.analystToken()), Map.class)
                .value()
                .get("indicators"))
        .isEqualTo(List.of("PERCEPCION-INSEG"));

    try {
      var saved =
          api.call(
              HttpRequest.PUT(uri, Map.of("indicators", List.of("PERCEPCION-INSEG", "HOM-TASA")))
                  .bearerAuth(api.analystToken()),
              Map.class);
      assertThat(saved.status()).isEqualTo(200);
      Document doc = parse(export());
      assertThat(
              nodes(doc, "//iati-activity[contains(iati-identifier,'PRY-03')]//indicator")
                  .getLength())
          .isEqualTo(2);
      Object hom = nodes(doc, "//indicator[reference/@code='HOM-TASA']").item(0);
      assertThat(text(hom, "@ascending")).isEqualTo("false");
    } finally {
      api.call(
          HttpRequest.PUT(uri, Map.of("indicators", List.of("PERCEPCION-INSEG")))
              .bearerAuth(api.analystToken()),
          Map.class);
    }
  }
}
