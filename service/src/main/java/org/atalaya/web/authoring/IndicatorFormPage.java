package org.atalaya.web.authoring;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.SourceKind;
import org.atalaya.web.authoring.CardPage.ChangeRow;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * The indicator form: where it posts, what was typed, each field's problem, problems of the whole
 * indicator, and — after a conflict — what the other person changed meanwhile. {@code controlled}:
 * its action card's plan is published, so saving proposes the indicator rather than saving it.
 */
public record IndicatorFormPage(
    String action,
    boolean isNew,
    @Nullable String back,
    List<Choice> institutions,
    IndicatorForm form,
    Map<String, String> errors,
    List<String> general,
    List<ChangeRow> theirChange,
    @Nullable String pending,
    boolean controlled) {

  public IndicatorFormPage {
    institutions = List.copyOf(institutions);
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
    theirChange = List.copyOf(theirChange);
  }

  public List<String> kinds() {
    return names(IndicatorKind.values());
  }

  public List<String> directions() {
    return names(Direction.values());
  }

  public List<String> frequencies() {
    return names(Frequency.values());
  }

  public List<String> accumulations() {
    return names(Accumulation.values());
  }

  public List<String> sourceKinds() {
    return names(SourceKind.values());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  public String describedBy(String field) {
    return hasError(field) ? field + "-error" : null;
  }
}
