package org.atalaya.web.entry;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The data-entry page: the choices offered, what was typed, each field's problems in the person's
 * language (shown beside the field), problems that concern the whole row, and what a save did.
 */
public record EntryPage(
    List<Choice> indicators,
    List<Choice> territories,
    EntryForm form,
    Map<String, String> errors,
    List<String> rowErrors,
    @Nullable String saved) {

  public EntryPage {
    indicators = List.copyOf(indicators);
    territories = List.copyOf(territories);
    errors = Map.copyOf(errors);
    rowErrors = List.copyOf(rowErrors);
  }

  /** One option of a select: the code sent and the label read. */
  public record Choice(String code, String label) {}

  /** Sex codes in the order offered: total first, as most figures are totals. */
  public List<String> sexes() {
    return List.of("_T", "F", "M", "_U");
  }

  public List<String> statuses() {
    return List.of("PROVISIONAL", "VALIDATED");
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }
}
