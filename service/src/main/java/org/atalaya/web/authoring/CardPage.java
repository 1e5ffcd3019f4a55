package org.atalaya.web.authoring;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The action card form: where it posts, what was typed, each field's problem, problems of the whole
 * card, and — after a conflict — what the other person changed meanwhile.
 */
public record CardPage(
    String plan,
    String planName,
    String axisName,
    String action,
    boolean isNew,
    boolean controlled,
    List<Choice> institutions,
    CardForm form,
    Map<String, String> errors,
    List<String> general,
    List<ChangeRow> theirChange) {

  public CardPage {
    institutions = List.copyOf(institutions);
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
    theirChange = List.copyOf(theirChange);
  }

  public record Choice(String code, String label) {}

  /** One field of a difference, named and valued as people read it. */
  public record ChangeRow(String field, @Nullable String before, @Nullable String after) {}

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  /** aria-describedby of a field: its error when it has one. */
  public String describedBy(String field) {
    return hasError(field) ? field + "-error" : null;
  }
}
