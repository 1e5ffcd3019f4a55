package org.atalaya.survey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.measurement.RowSource;

/**
 * Submissions pulled from a server, laid out as the file an analyst would have exported: one row
 * per accepted submission, one column per answered field (KoboToolbox's "group/question" names as
 * they come; ODK Central's nested groups joined with "-" as ODK Briefcase does, its instance id in
 * {@code KEY}). Repeats (lists) are left out as in a flat export; rejected submissions are counted
 * and left out.
 */
final class Submissions implements RowSource {
  private final Set<String> columns = new LinkedHashSet<>();
  private final List<Map<String, String>> rows = new ArrayList<>();
  private int rejected;
  private int pages;

  /** A KoboToolbox API v2 data result; rejected when its validation status says "not approved". */
  void addKobo(JsonNode submission) {
    if ("validation_status_not_approved"
        .equals(submission.path("_validation_status").path("uid").asText())) {
      rejected++;
      return;
    }
    Map<String, String> row = new LinkedHashMap<>();
    submission
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isValueNode()) {
                row.put(field.getKey(), text(field.getValue()));
              }
            });
    add(row);
  }

  /** An ODK Central OData submission; rejected when its review state is "rejected". */
  void addOdk(JsonNode submission) {
    if ("rejected".equals(submission.path("__system").path("reviewState").asText())) {
      rejected++;
      return;
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put("KEY", submission.path("__id").asText(""));
    flatten("", submission, row);
    add(row);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
    node.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              if (name.startsWith("__") || name.startsWith("@")) {
                return;
              }
              JsonNode value = field.getValue();
              if (value.isObject()) {
                flatten(prefix + name + "-", value, row);
              } else if (value.isValueNode()) {
                row.put(prefix + name, text(value));
              }
            });
  }

  private static String text(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    return value.asText();
  }

  private void add(Map<String, String> row) {
    columns.addAll(row.keySet());
    rows.add(row);
  }

  int accepted() {
    return rows.size();
  }

  int pages() {
    return pages;
  }

  void pages(int pages) {
    this.pages = pages;
  }

  int rejected() {
    return rejected;
  }

  @Override
  public void read(RowConsumer consumer) {
    List<String> header = List.copyOf(columns);
    consumer.header(header);
    long number = 1;
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>(header.size());
      for (String column : header) {
        cells.add(row.getOrDefault(column, ""));
      }
      consumer.row(++number, cells);
    }
  }
}
