package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.web.authoring.FormErrors;

/**
 * A refusal by the survey service, in the API's own words, sorted by form field: each problem
 * beside its field, the rest above the form.
 */
@Singleton
class SurveyErrors {
  private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.?([A-Za-z]*).*");

  private final FormErrors forms;

  SurveyErrors(FormErrors forms) {
    this.forms = forms;
  }

  record Sorted(Map<String, String> byField, List<String> general) {}

  /** The authoring forms' own sorting, by the form field {@code fieldOf} names for a path. */
  Sorted sort(HttpRequest<?> request, RuntimeException e, Function<String, String> fieldOf) {
    FormErrors.Sorted sorted = forms.sort(request, e, fieldOf);
    return new Sorted(sorted.byField(), sorted.general());
  }

  /** A survey's path ("items[2].values[0].label", "design.sex.codes.1") as its form field. */
  static @Nullable String surveyField(String path, SurveyForm form) {
    String p = path.startsWith(".") ? path.substring(1) : path;
    Matcher item = ITEM.matcher(p);
    if (item.matches()) {
      int row = form.rowOfItem(Integer.parseInt(item.group(1)));
      String part = item.group(2).isEmpty() ? "code" : item.group(2);
      return row < 0 ? null : "item-" + row + "-" + part;
    }
    if (p.equals("items")) {
      return "items";
    }
    if (p.startsWith("design.")) {
      String[] parts = p.split("[.\\[]");
      String name = parts[1];
      if (List.of("weights", "strata", "psu").contains(name)) {
        return name;
      }
      String sub = parts.length > 2 ? parts[2] : "variable";
      return name + Character.toUpperCase(sub.charAt(0)) + sub.substring(1);
    }
    return SurveyForm.HEAD.contains(p) && !p.equals("base") ? p : null;
  }

  /** A flat record's path ("periodEnd") as the field of the same name, if the form has it. */
  static Function<String, String> among(List<String> fields) {
    return path -> {
      String p = path.startsWith(".") ? path.substring(1) : path;
      return fields.contains(p) ? p : null;
    };
  }
}
