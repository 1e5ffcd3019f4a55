package org.atalaya.web.surveyupload;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.atalaya.shared.Problem;
import org.atalaya.survey.ImportReport;

/**
 * The survey upload page. Without a survey chosen it lists the surveys; with one, it offers its
 * waves and saved mappings, the upload form, a form to save a mapping, and after an upload the dry
 * run's preview (or, once confirmed, what was stored).
 *
 * @param variables the survey's item codes, which a mapping may point at columns
 * @param mappingText the mapping being edited, one {@code variable = column} per line
 */
public record SurveyUploadPage(
    List<Choice> surveys,
    @Nullable Choice survey,
    List<Choice> waves,
    List<Choice> mappings,
    List<String> variables,
    @Nullable String wave,
    @Nullable String mapping,
    String action,
    @Nullable ImportReport report,
    @Nullable String stashId,
    List<Problem.Violation> problems,
    MappingForm mappingForm,
    @Nullable String notice) {

  public SurveyUploadPage {
    surveys = List.copyOf(surveys);
    waves = List.copyOf(waves);
    mappings = List.copyOf(mappings);
    variables = List.copyOf(variables);
    problems = List.copyOf(problems);
  }

  public record Choice(String code, String label) {}

  /** The mapping editor's fields, given back as typed when they are refused. */
  public record MappingForm(String name, String format, String respondentId, String columns) {
    static MappingForm blank() {
      return new MappingForm("", "PLAIN", "", "");
    }
  }

  public boolean preview() {
    return report != null && report.dryRun();
  }

  public boolean committed() {
    return report != null && report.committed();
  }

  public boolean canCommit() {
    return stashId != null && report != null && report.rejected() == 0 && report.accepted() > 0;
  }

  SurveyUploadPage with(
      @Nullable ImportReport report,
      @Nullable String stashId,
      List<Problem.Violation> problems,
      MappingForm form,
      @Nullable String notice) {
    return new SurveyUploadPage(
        surveys, survey, waves, mappings, variables, wave, mapping, action, report, stashId,
        problems, form, notice);
  }
}
