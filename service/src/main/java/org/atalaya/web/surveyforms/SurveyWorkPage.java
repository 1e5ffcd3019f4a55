package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A survey's working page for analysts: its definition in short, its waves with their state and a
 * form to add one, its indicator bindings and a form to add one, and the links to upload microdata
 * and read results.
 */
public record SurveyWorkPage(
    String code,
    String name,
    List<String> weights,
    List<Choice> items,
    List<WaveRow> waves,
    List<BindingRow> bindings,
    List<Choice> indicators,
    Map<String, String> waveForm,
    Map<String, String> bindForm,
    Map<String, String> errors,
    List<String> general,
    @Nullable String notice) {

  public SurveyWorkPage {
    weights = List.copyOf(weights);
    items = List.copyOf(items);
    waves = List.copyOf(waves);
    bindings = List.copyOf(bindings);
    indicators = List.copyOf(indicators);
    waveForm = Map.copyOf(waveForm);
    bindForm = Map.copyOf(bindForm);
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
  }

  public record Choice(String code, String label) {}

  /** A wave: its dates as people read them, and how far it has come (state is a message key). */
  public record WaveRow(
      String code, String name, String period, String state, @Nullable Integer respondents) {}

  public record BindingRow(
      String indicator, String item, String kind, String value, String weight, String scale) {}

  public List<String> kinds() {
    return List.of("PROPORTION", "MEAN", "TOTAL");
  }

  public String wave(String field) {
    return waveForm.getOrDefault(field, "");
  }

  public String bind(String field) {
    return bindForm.getOrDefault(field, "");
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
