package org.atalaya.exchange.sdmx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data structure definition as an SDMX-JSON 2.0 structure message, with its concept scheme and
 * the code lists it uses (the observatory's indicators and areas, and copies of SDMX's codes for
 * sex, age, observation status and confidentiality), so that a reader needs nothing else.
 */
public final class DsdJson {
  static final String SCHEMA =
      "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json";
  private static final String SCHEME = "CS_ATALAYA";

  private DsdJson() {}

  public static byte[] write(SdmxNames names) {
    ObjectNode root = SdmxJson.JSON.createObjectNode();
    ObjectNode meta = root.putObject("meta");
    meta.put("schema", SCHEMA);
    meta.put("id", Dsd.ID);
    meta.put("test", false);
    meta.put("prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    meta.putArray("contentLanguages").add("es");
    meta.putObject("sender").put("id", Dsd.AGENCY).put("name", "Atalaya");
    ObjectNode data = root.putObject("data");

    ObjectNode dsd = maintainable(data.putArray("dataStructures"), Dsd.ID, names.title());
    ObjectNode parts = dsd.putObject("dataStructureComponents");
    ObjectNode dimList = parts.putObject("dimensionList").put("id", "DimensionDescriptor");
    ArrayNode dims = dimList.putArray("dimensions");
    for (int i = 0; i < Dsd.DIMENSIONS.size() - 1; i++) {
      String id = Dsd.DIMENSIONS.get(i);
      ObjectNode d = component(dims.addObject(), id).put("position", i);
      d.putObject("localRepresentation").put("enumeration", codelist("CL_" + id));
    }
    component(dimList.putObject("timeDimension"), "TIME_PERIOD")
        .put("position", Dsd.DIMENSIONS.size() - 1)
        .putObject("localRepresentation")
        .putObject("format")
        .put("dataType", "ObservationalTimePeriod");
    ArrayNode attrs =
        parts.putObject("attributeList").put("id", "AttributeDescriptor").putArray("attributes");
    for (String id : Dsd.ATTRIBUTES) {
      ObjectNode a = component(attrs.addObject(), id);
      boolean coded = id.endsWith("_STATUS");
      a.put("usage", coded ? "mandatory" : "optional");
      a.putObject("attributeRelationship").putObject("observation");
      ObjectNode rep = a.putObject("localRepresentation");
      if (coded) {
        rep.put("enumeration", codelist("CL_" + id));
      } else {
        rep.putObject("format").put("dataType", id.endsWith("_BOUND") ? "Double" : "String");
      }
    }
    ArrayNode measures =
        parts.putObject("measureList").put("id", "MeasureDescriptor").putArray("measures");
    component(measures.addObject(), Dsd.MEASURE)
        .putObject("localRepresentation")
        .putObject("format")
        .put("dataType", "Double");

    ObjectNode scheme =
        maintainable(data.putArray("conceptSchemes"), SCHEME, "Conceptos del observatorio");
    ArrayNode concepts = scheme.putArray("concepts");
    SdmxNames.COMPONENTS.forEach((id, name) -> named(concepts.addObject(), id, name));

    ArrayNode lists = data.putArray("codelists");
    codes(lists, "CL_INDICATOR", "Indicadores", new TreeMap<>(names.indicators()));
    codes(lists, "CL_REF_AREA", "Áreas de referencia", new TreeMap<>(names.areas()));
    codes(lists, "CL_SEX", "Sexo", SdmxNames.SEX);
    codes(lists, "CL_AGE", "Edad", SdmxNames.AGE);
    codes(lists, "CL_OBS_STATUS", "Estado de la observación", SdmxNames.OBS_STATUS);
    codes(lists, "CL_CONF_STATUS", "Confidencialidad", SdmxNames.CONF_STATUS);
    try {
      return SdmxJson.JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode maintainable(ArrayNode list, String id, String name) {
    ObjectNode m = named(list.addObject(), id, name);
    m.put("agencyID", Dsd.AGENCY);
    m.put("version", Dsd.VERSION);
    return m;
  }

  private static ObjectNode named(ObjectNode node, String id, String name) {
    node.put("id", id);
    node.put("name", name);
    node.putObject("names").put("es", name);
    return node;
  }

  private static ObjectNode component(ObjectNode node, String id) {
    node.put("id", id);
    node.put(
        "conceptIdentity",
        "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept="
            + Dsd.AGENCY
            + ":"
            + SCHEME
            + "("
            + Dsd.VERSION
            + ")."
            + id);
    return node;
  }

  private static String codelist(String id) {
    return "urn:sdmx:org.sdmx.infomodel.codelist.Codelist="
        + Dsd.AGENCY
        + ":"
        + id
        + "("
        + Dsd.VERSION
        + ")";
  }

  private static void codes(ArrayNode lists, String id, String name, Map<String, String> codes) {
    ObjectNode list = maintainable(lists, id, name);
    ArrayNode items = list.putArray("codes");
    new LinkedHashMap<>(codes).forEach((code, label) -> named(items.addObject(), code, label));
  }
}
