package org.atalaya.web.authoring;

import java.util.List;
import java.util.Map;
import org.atalaya.web.authoring.CardPage.ChangeRow;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * The priority project form: where it posts, what was typed, each field's problem, problems of the
 * whole project, and — after a conflict — what the other person changed meanwhile.
 */
public record ProjectPage(
    String plan,
    String planName,
    String action,
    String code,
    boolean isNew,
    boolean controlled,
    List<Choice> axes,
    List<Choice> institutions,
    String base,
    Map<String, String> values,
    Map<String, String> errors,
    List<String> general,
    List<ChangeRow> theirChange) {

  public ProjectPage {
    axes = List.copyOf(axes);
    institutions = List.copyOf(institutions);
    values = Map.copyOf(values);
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
    theirChange = List.copyOf(theirChange);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  /** aria-describedby of a field: its error when it has one, else its help, if any. */
  public String describedBy(String field, String help) {
    return hasError(field) ? field + "-error" : help;
  }
}
