package org.atalaya.web.authoring;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ConstraintViolationHandler;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;

/**
 * A refusal of the API's own checks, in the words the API uses, sorted by form field: each problem
 * beside its field, the rest (a conflict, a rule about the whole) above the form.
 */
@Singleton
public class FormErrors {
  private final ProblemResponses problems;
  private final ConstraintViolationHandler violations;

  FormErrors(ProblemResponses problems, ConstraintViolationHandler violations) {
    this.problems = problems;
    this.violations = violations;
  }

  /** Problems by form field; those of no field of the form under "". */
  public record Sorted(Map<String, String> byField, List<String> general) {}

  Sorted sort(HttpRequest<?> request, RuntimeException e, Set<String> fields) {
    return sort(
        request,
        e,
        path -> {
          String field = formField(path);
          return fields.contains(field) ? field : null;
        });
  }

  /** Problems by the form field {@code fieldOf} names for a path; null names none. */
  public Sorted sort(
      HttpRequest<?> request,
      RuntimeException e,
      java.util.function.Function<String, String> fieldOf) {
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

  /** "actions[2]" → "actions", "schedule.start" → "scheduleStart", ".budget.amount" → … */
  static String formField(String path) {
    String p = path.startsWith(".") ? path.substring(1) : path;
    int bracket = p.indexOf('[');
    if (bracket >= 0) {
      p = p.substring(0, bracket);
    }
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char ch : p.toCharArray()) {
      if (ch == '.') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return out.toString();
  }
}
