package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atalaya.survey.SurveyDoc;

/** Value labels and code maps as a person types them: one {@code code = label} per line. */
final class SurveyText {
  private SurveyText() {}

  static String values(List<SurveyDoc.ValueLabel> values) {
    StringBuilder out = new StringBuilder();
    for (SurveyDoc.ValueLabel v : values) {
      out.append(v.code()).append(" = ").append(v.label()).append('\n');
    }
    return out.toString().strip();
  }

  /** Sorted, so the same map always reads the same. */
  static String codes(Map<String, String> codes) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(codes).forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
    return out.toString().strip();
  }

  /** The lines in order, or null when a non-blank line has no "=" or nothing before it. */
  static @Nullable Map<String, String> pairs(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || line.substring(0, eq).isBlank()) {
        return null;
      }
      out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return out;
  }
}
