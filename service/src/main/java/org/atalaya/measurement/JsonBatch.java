package org.atalaya.measurement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.CellLimits;

/**
 * A JSON batch read as a stream of rows: exactly one array of objects, nothing after it. Each
 * object's "row" is its position in the batch, starting at 1. A field's value goes to the same
 * checks as a file's cell, as written: {@code true} in {@code value} is "not a number" for that
 * element, a number too large to store is refused by its form. A key given twice in an element is
 * refused (which one was meant?), and so is a key that is no field of a measurement (a typo would
 * otherwise drop a value silently), as the service's JSON bodies are everywhere.
 */
final class JsonBatch implements RowSource {
  private static final List<String> HEADER =
      List.of(
          "indicator",
          "period",
          "sex",
          "territory",
          "age_group",
          "source",
          "value",
          "numerator",
          "denominator",
          "status");
  private static final Map<String, Integer> FIELDS =
      Map.ofEntries(
          Map.entry("indicator", 0),
          Map.entry("period", 1),
          Map.entry("sex", 2),
          Map.entry("territory", 3),
          Map.entry("ageGroup", 4),
          Map.entry("source", 5),
          Map.entry("value", 6),
          Map.entry("numerator", 7),
          Map.entry("denominator", 8),
          Map.entry("status", 9));
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNumberLength(CellLimits.MAX_CELL)
                  .maxStringLength(CellLimits.MAX_CELL * 4)
                  .maxNestingDepth(50)
                  .build())
          .build();

  private final byte[] body;

  JsonBatch(byte[] body) {
    this.body = body;
  }

  @Override
  public void read(RowConsumer consumer) throws IOException {
    try (JsonParser json = FACTORY.createParser(body)) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw ApiException.invalid("json", "jsonArray");
      }
      consumer.header(HEADER);
      long index = 0;
      JsonToken token;
      while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
        index++;
        if (token != JsonToken.START_OBJECT) {
          throw ApiException.invalid("json[" + index + "]", "jsonElement", index);
        }
        consumer.row(index, element(json, index));
      }
      if (json.nextToken() != null) {
        throw ApiException.invalid("json", "jsonTrailing", index);
      }
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw ApiException.invalid(
          "json",
          "jsonSyntax",
          where == null ? 0 : where.getLineNr(),
          where == null ? 0 : where.getColumnNr());
    }
  }

  private static List<String> element(JsonParser json, long index) throws IOException {
    String[] cells = new String[HEADER.size()];
    Arrays.fill(cells, "");
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      if (!seen.add(name)) {
        twice.add(name);
      }
      JsonToken value = json.nextToken();
      Integer at = FIELDS.get(name);
      if (at == null) {
        unknown.add(name);
      }
      if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
        json.skipChildren();
        if (at != null) {
          cells[at] = value == JsonToken.START_OBJECT ? "{…}" : "[…]";
        }
      } else if (at != null) {
        cells[at] = value == JsonToken.VALUE_NULL ? "" : json.getText();
      }
    }
    if (!twice.isEmpty()) {
      throw ApiException.invalid(
          "json[" + index + "]",
          "duplicateKey",
          twice.stream().distinct().collect(Collectors.joining(", ")),
          index);
    }
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          "json[" + index + "]",
          "unknownKey",
          CellLimits.prefix(String.join(", ", unknown)),
          index);
    }
    return List.of(cells);
  }
}
