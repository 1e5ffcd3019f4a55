package org.atalaya.web.entry;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import org.atalaya.measurement.UploadView;
import org.atalaya.web.entry.EntryPage.Choice;

/**
 * The grid entry page: the indicator and period chooser, then one row per place and one column per
 * sex (numerator and denominator for a rate), prefilled with what is stored or with what was just
 * typed; after "Revisar", the upload's preview of what a save would do.
 *
 * @param values every input's text by field name ({@code v_LCH-01_F}, {@code n_…}, {@code d_…})
 * @param problems each refused cell in words: place, sex, what and why
 * @param canSave the preview found nothing wrong: the save button is offered
 */
public record GridPage(
    List<Choice> indicators,
    @Nullable String indicator,
    @Nullable String indicatorName,
    @Nullable String period,
    String periodExample,
    List<Choice> sources,
    @Nullable String source,
    List<Choice> places,
    List<Choice> sexes,
    boolean rate,
    boolean decimals,
    Map<String, String> values,
    boolean zeros,
    @Nullable String reason,
    @Nullable UploadView preview,
    List<String> problems,
    List<String> revisions,
    boolean canSave,
    @Nullable String saved,
    @Nullable String error) {

  public GridPage {
    indicators = List.copyOf(indicators);
    sources = List.copyOf(sources);
    places = List.copyOf(places);
    sexes = List.copyOf(sexes);
    values = Map.copyOf(values);
    problems = List.copyOf(problems);
    revisions = List.copyOf(revisions);
  }

  public boolean chosen() {
    return indicator != null && period != null && error == null;
  }

  public String field(String kind, String place, String sex) {
    return Grid.field(kind, place, sex);
  }

  public String value(String kind, String place, String sex) {
    return values.getOrDefault(Grid.field(kind, place, sex), "");
  }

  public String inputMode() {
    return decimals ? "decimal" : "numeric";
  }
}
