package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ConstraintViolationHandler;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;

/**
 * A refusal by the survey service, in the API's own words, sorted by form field: each problem
 * beside its field, the rest above the form.
 */
@Singleton
class SurveyErrors {
  private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.?([A-Za-z]*).*");

  private final ProblemResponses problems;
  private final ConstraintViolationHandler violations;

  SurveyErrors(ProblemResponses problems, ConstraintViolationHandler violations) {
    this.problems = problems;
    this.violations = violations;
  }

  record Sorted(Map<String, String> byField, List<String> general) {}

  Sorted sort(HttpRequest<?> request, RuntimeException e, Function<String, String> fieldOf) {
    List<Problem.Violation> list;
    String detail = null;
    if (e instanceof ConstraintViolationException c) {
      list = violations.violations(request, c);
    } else if (e instanceof ApiException a) {
      Problem p = problems.of(request, a).body();
      list = p.errors();
      detail = p.detail();
    } else {
      throw e;
    }
    Map<String, String> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (Problem.Violation v : list) {
      String field = v.field() == null ? null : fieldOf.apply(v.field());
      if (field != null) {
        byField.merge(field, v.message(), (a, b) -> a + "; " + b);
      } else {
        general.add(v.message());
      }
    }
    if (list.isEmpty() && detail != null) {
      general.add(detail);
    }
    return new Sorted(byField, general);
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
