package org.atalaya.exchange.dhis2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a ministry's DHIS2 names things and how Atalaya does: data elements to indicators, category
 * option combos to sexes ({@code F}, {@code M}, {@code _T}; an empty combo is DHIS2's default, the
 * total) and org units to territories, each keyed by the DHIS2 code or identifier the file uses.
 *
 * <pre>{"dataElements": {"f7n9E0hX8qk": "VD-DENUNCIAS"},
 *  "categoryOptionCombos": {"FFFFFFFFFFF": "F"},
 *  "orgUnits": {"DiszpKrYNg8": "LCH"}}</pre>
 */
record Dhis2Mapping(
    Map<String, String> dataElements,
    Map<String, String> categoryOptionCombos,
    Map<String, String> orgUnits) {

  Dhis2Mapping {
    dataElements = Map.copyOf(dataElements);
    categoryOptionCombos = Map.copyOf(categoryOptionCombos);
    orgUnits = Map.copyOf(orgUnits);
  }

  static Dhis2Mapping parse(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("the mapping is no JSON object");
    }
    return new Dhis2Mapping(
        map(root.get("dataElements")),
        map(root.get("categoryOptionCombos")),
        map(root.get("orgUnits")));
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> m = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    }
    return m;
  }

  Optional<String> indicator(String dataElement) {
    return Optional.ofNullable(dataElements.get(dataElement));
  }

  Optional<String> sex(String combo) {
    if (combo == null || combo.isEmpty()) {
      return Optional.of(categoryOptionCombos.getOrDefault("", "_T"));
    }
    return Optional.ofNullable(categoryOptionCombos.get(combo));
  }

  Optional<String> territory(String orgUnit) {
    return Optional.ofNullable(orgUnits.get(orgUnit));
  }
}
