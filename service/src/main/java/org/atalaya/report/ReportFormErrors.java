package org.atalaya.report;

import io.micronaut.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;

/**
 * A refusal laid beside the form's fields, in the reader's language: the service's own sentence
 * when it has one (e.g. "El periodo «2025-T5» no es válido…"), the broken rule otherwise.
 */
public record ReportFormErrors(Map<String, String> fields) {
  static final ReportFormErrors NONE = new ReportFormErrors(Map.of());

  public ReportFormErrors {
    fields = Map.copyOf(fields);
  }

  /** The sentence for a field, or null. */
  public String of(String field) {
    return fields.get(field);
  }

  public boolean any() {
    return !fields.isEmpty();
  }

  /**
   * {@code fallback} takes a refusal that names no field; {@code renamed} maps the service's field
   * names to the form's.
   */
  static ReportFormErrors of(
      Pages pages,
      HttpRequest<?> request,
      ApiException e,
      String fallback,
      Map<String, String> renamed) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean generic = e.key().startsWith("problem.");
    if (e.fieldErrors().isEmpty() || !generic) {
      String field =
          e.fieldErrors().isEmpty()
              ? fallback
              : renamed.getOrDefault(e.fieldErrors().get(0).field(), fallback);
      if ("problem.notFound".equals(e.key()) && renamed.containsKey("plan")) {
        field = "plan";
      }
      out.put(field, pages.text(request, e.key(), e.args()));
    } else {
      for (var f : e.fieldErrors()) {
        out.putIfAbsent(
            renamed.getOrDefault(f.field(), fallback),
            pages.text(request, "violation." + f.code(), f.args()));
      }
    }
    return new ReportFormErrors(out);
  }
}
