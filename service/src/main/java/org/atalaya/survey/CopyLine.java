package org.atalaya.survey;

import java.util.Map;

/** A respondent as one line of {@code COPY survey_respondent … (FORMAT csv)}. */
final class CopyLine {
  private CopyLine() {}

  static String of(long waveId, Respondent r) {
    var line = new StringBuilder(256);
    line.append(waveId).append(',').append(r.row()).append(',');
    quoted(line, r.id()).append(",\"{");
    for (int i = 0; i < r.weights().length; i++) {
      // Double.toString is the shortest text that reads back as the same double: no rounding.
      line.append(i == 0 ? "" : ",").append(Double.toString(r.weights()[i]));
    }
    line.append("}\",");
    for (String field : new String[] {r.stratum(), r.psu(), r.sex(), r.territory(), r.ageGroup()}) {
      if (field != null) {
        quoted(line, field);
      }
      line.append(',');
    }
    quoted(line, json(r.answers())).append('\n');
    return line.toString();
  }

  private static StringBuilder quoted(StringBuilder line, String text) {
    return line.append('"').append(text.replace("\"", "\"\"")).append('"');
  }

  static String json(Map<String, String> answers) {
    var json = new StringBuilder(answers.size() * 16 + 2).append('{');
    boolean first = true;
    for (var e : answers.entrySet()) {
      json.append(first ? "" : ",");
      string(json, e.getKey()).append(':');
      string(json, e.getValue());
      first = false;
    }
    return json.append('}').toString();
  }

  private static StringBuilder string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
