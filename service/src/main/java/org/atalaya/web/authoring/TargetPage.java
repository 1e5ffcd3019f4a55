package org.atalaya.web.authoring;

import java.util.List;
import java.util.Map;
import org.atalaya.web.authoring.CardPage.ChangeRow;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * An indicator's targets form: one row per cell, the sexes and territories it may name, each
 * field's problem (keyed {@code row.field}), problems of the whole, and what someone else changed.
 */
public record TargetPage(
    String code,
    String name,
    String frequency,
    String periodExample,
    List<Choice> sexes,
    List<Choice> territories,
    TargetRows form,
    Map<String, String> errors,
    List<String> general,
    List<ChangeRow> theirChange,
    @io.micronaut.core.annotation.Nullable String pending) {

  public TargetPage {
    sexes = List.copyOf(sexes);
    territories = List.copyOf(territories);
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
    theirChange = List.copyOf(theirChange);
  }

  public boolean hasError(int row, String field) {
    return errors.containsKey(row + "." + field);
  }

  public String error(int row, String field) {
    return errors.getOrDefault(row + "." + field, "");
  }

  public String id(int row, String field) {
    return field + "-" + row;
  }

  public String describedBy(int row, String field) {
    return hasError(row, field) ? field + "-" + row + "-error" : null;
  }
}
