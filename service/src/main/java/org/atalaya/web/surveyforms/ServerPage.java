package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import org.atalaya.survey.ServerDoc;
import org.atalaya.survey.SurveyAuthoring.Pulled;
import org.atalaya.web.surveyforms.SurveyWorkPage.Choice;

/**
 * A survey's KoboToolbox or ODK Central server: the settings form (credentials never shown again,
 * only "guardada"), and "Traer ahora": the pull's dry run, then its confirmation.
 *
 * @param stored the settings saved, or null before the first save
 * @param lastPull when the last pull ran, as people read it
 * @param pulled the pull's report after "Traer ahora" or its confirmation
 */
public record ServerPage(
    String code,
    String name,
    @Nullable ServerDoc.View stored,
    @Nullable String lastPull,
    Map<String, String> form,
    Map<String, String> errors,
    List<String> general,
    List<Choice> waves,
    List<Choice> mappings,
    @Nullable Pulled pulled,
    @Nullable String pulledWave,
    @Nullable String notice) {

  public ServerPage {
    form = Map.copyOf(form);
    errors = Map.copyOf(errors);
    general = List.copyOf(general);
    waves = List.copyOf(waves);
    mappings = List.copyOf(mappings);
  }

  public String get(String field) {
    return form.getOrDefault(field, "");
  }

  public boolean canConfirm() {
    return pulled != null
        && pulled.upload().dryRun()
        && pulled.upload().rejected() == 0
        && pulled.upload().accepted() > 0;
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
