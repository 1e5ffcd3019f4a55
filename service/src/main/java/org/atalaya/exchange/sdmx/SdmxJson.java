package org.atalaya.exchange.sdmx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An SDMX-JSON 2.0 data message (sdmx-twg/sdmx-json, data-message field guide) as a flat view of
 * observations ("dimensionAtObservation=AllDimensions"): every dimension at observation level, each
 * observation keyed by its value indexes ("0:3:1:0:7") and holding [OBS_VALUE, OBS_STATUS,
 * CONF_STATUS, UNIT_MEASURE, LOWER_BOUND, UPPER_BOUND]. A withheld observation holds null for its
 * value: the key says the cell exists, nothing says what it was.
 */
public final class SdmxJson {
  static final String SCHEMA =
      "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SdmxJson() {}

  /** {@code id} names the message, e.g. the plan and cut-off it answers. */
  public static byte[] write(String id, SdmxNames names, List<SdmxObservation> observations) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("meta");
    meta.put("schema", SCHEMA);
    meta.put("id", id);
    meta.put("test", false);
    meta.put("prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    meta.putArray("contentLanguages").add("es");
    meta.putObject("sender").put("id", Dsd.AGENCY).put("name", "Atalaya");

    List<Map<String, String>> dims = new ArrayList<>();
    dims.add(codes(observations, SdmxObservation::indicator, names::indicator));
    dims.add(codes(observations, SdmxObservation::refArea, names::area));
    dims.add(codes(observations, SdmxObservation::sex, c -> SdmxNames.SEX.getOrDefault(c, c)));
    dims.add(codes(observations, SdmxObservation::age, c -> SdmxNames.AGE.getOrDefault(c, c)));
    dims.add(codes(observations, SdmxObservation::timePeriod, c -> c));
    List<String> obsStatus = List.copyOf(SdmxNames.OBS_STATUS.keySet());
    List<String> confStatus = List.copyOf(SdmxNames.CONF_STATUS.keySet());

    ObjectNode data = root.putObject("data");
    ObjectNode structure = data.putArray("structures").addObject();
    structure.put("name", names.title());
    link(structure.putArray("links"));
    ObjectNode dimensions = structure.putObject("dimensions");
    dimensions.putArray("dataSet");
    dimensions.putArray("series");
    ArrayNode atObs = dimensions.putArray("observation");
    for (int i = 0; i < dims.size(); i++) {
      ObjectNode d = component(atObs, Dsd.DIMENSIONS.get(i)).put("keyPosition", i);
      if (i == dims.size() - 1) {
        d.putArray("roles").add("TIME_PERIOD");
      }
      values(d, dims.get(i));
    }
    component(structure.putObject("measures").putArray("observation"), Dsd.MEASURE);
    ObjectNode attributes = structure.putObject("attributes");
    attributes.putArray("dataSet");
    attributes.putArray("series");
    ArrayNode obsAttributes = attributes.putArray("observation");
    for (String a : Dsd.ATTRIBUTES) {
      ObjectNode attr = component(obsAttributes, a);
      attr.putObject("relationship").putObject("observation");
      switch (a) {
        case "OBS_STATUS" -> values(attr.put("isMandatory", true), SdmxNames.OBS_STATUS);
        case "CONF_STATUS" -> values(attr.put("isMandatory", true), SdmxNames.CONF_STATUS);
        default -> attr.put("isMandatory", false);
      }
    }
    structure.putArray("dataSets").add(0);

    ObjectNode dataSet = data.putArray("dataSets").addObject();
    dataSet.put("structure", 0);
    dataSet.put("action", "Information");
    link(dataSet.putArray("links"));
    ObjectNode obs = dataSet.putObject("observations");
    List<List<String>> ids = dims.stream().map(m -> List.copyOf(m.keySet())).toList();
    for (SdmxObservation o : observations) {
      String key =
          ids.get(0).indexOf(o.indicator())
              + ":"
              + ids.get(1).indexOf(o.refArea())
              + ":"
              + ids.get(2).indexOf(o.sex())
              + ":"
              + ids.get(3).indexOf(o.age())
              + ":"
              + ids.get(4).indexOf(o.timePeriod());
      ArrayNode row = obs.putArray(key);
      if (o.value() == null) {
        row.addNull();
      } else {
        row.add(o.value());
      }
      row.add(obsStatus.indexOf(o.obsStatus()));
      row.add(confStatus.indexOf(o.confStatus()));
      row.add(o.unit());
      if (o.lower() != null || o.upper() != null) {
        addNumber(row, o.lower());
        addNumber(row, o.upper());
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addNumber(ArrayNode row, Double v) {
    if (v == null) {
      row.addNull();
    } else {
      row.add(v);
    }
  }

  private static void link(ArrayNode links) {
    links.addObject().put("urn", Dsd.urn()).put("rel", "datastructure");
  }

  private static ObjectNode component(ArrayNode list, String id) {
    ObjectNode c = list.addObject();
    c.put("id", id);
    c.put("name", SdmxNames.COMPONENTS.get(id));
    c.putObject("names").put("es", SdmxNames.COMPONENTS.get(id));
    return c;
  }

  private static void values(ObjectNode component, Map<String, String> codes) {
    ArrayNode values = component.putArray("values");
    codes.forEach(
        (id, name) -> {
          ObjectNode v = values.addObject();
          v.put("id", id);
          v.put("name", name);
          v.putObject("names").put("es", name);
        });
  }

  /** The codes a dimension takes in these observations, in order of first use, with names. */
  private static Map<String, String> codes(
      List<SdmxObservation> observations,
      Function<SdmxObservation, String> code,
      Function<String, String> name) {
    Map<String, String> m = new LinkedHashMap<>();
    observations.forEach(o -> m.computeIfAbsent(code.apply(o), name));
    return m;
  }
}
