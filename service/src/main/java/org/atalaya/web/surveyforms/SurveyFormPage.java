package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.atalaya.survey.ItemType;

/**
 * The survey definition form: where it posts, what was typed, each field's problem, problems of the
 * whole survey, and — after a conflict — what the other person changed meanwhile.
 */
public record SurveyFormPage(
    String action,
    boolean isNew,
    @Nullable String back,
    SurveyForm form,
    Map<String, String> errors,
    List<String> general,
    List<SurveyLock.Change> theirChange) {

  public SurveyFormPage {
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
    theirChange = List.copyOf(theirChange);
  }

  public List<String> types() {
    return Arrays.stream(ItemType.values()).map(Enum::name).toList();
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  public @Nullable String describedBy(String field) {
    return hasError(field) ? field + "-error" : null;
  }
}
