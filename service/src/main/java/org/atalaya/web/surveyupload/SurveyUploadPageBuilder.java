package org.atalaya.web.surveyupload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.survey.MappingDoc;
import org.atalaya.survey.SurveyDoc;
import org.atalaya.survey.SurveyUploads;
import org.atalaya.survey.WaveDoc;
import org.atalaya.web.Csrf;
import org.atalaya.web.Pages;
import org.atalaya.web.surveyupload.SurveyUploadPage.Choice;
import org.atalaya.web.surveyupload.SurveyUploadPage.MappingForm;

/** Builds the survey upload page's model: the choices offered and what is chosen. */
@Singleton
class SurveyUploadPageBuilder {
  private static final String VIEW = "surveyupload/survey";

  private final Pages pages;
  private final Csrf csrf;
  private final SurveyUploads surveys;

  SurveyUploadPageBuilder(Pages pages, Csrf csrf, SurveyUploads surveys) {
    this.pages = pages;
    this.csrf = csrf;
    this.surveys = surveys;
  }

  SurveyUploadPage list(HttpRequest<?> request) throws SQLException {
    List<Choice> all = surveys.surveys().stream().map(s -> new Choice(s.code(), s.name())).toList();
    return new SurveyUploadPage(
        all,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        "",
        null,
        null,
        List.of(),
        MappingForm.blank(),
        null);
  }

  /** The page for one survey; the wave defaults to the newest, the mapping to the one asked for. */
  SurveyUploadPage survey(
      HttpRequest<?> request, String code, @Nullable String wave, @Nullable String mapping)
      throws SQLException {
    SurveyDoc survey = surveys.survey(code);
    List<WaveDoc> waveDocs = surveys.waves(code);
    List<Choice> waves =
        waveDocs.stream()
            .map(w -> new Choice(w.code(), w.name() + (w.loaded() == null ? "" : " ✓")))
            .toList();
    List<MappingDoc> mappingDocs = surveys.mappings(code);
    List<Choice> mappings =
        mappingDocs.stream()
            .map(m -> new Choice(m.name(), m.name() + " (" + m.format() + ")"))
            .toList();
    String chosenWave =
        wave != null ? wave : waveDocs.isEmpty() ? null : waveDocs.get(waveDocs.size() - 1).code();
    MappingForm form =
        mappingDocs.stream()
            .filter(m -> m.name().equals(mapping))
            .findFirst()
            .map(
                m ->
                    new MappingForm(
                        m.name(),
                        m.format().name(),
                        m.respondentId() == null ? "" : m.respondentId(),
                        MappingText.text(m)))
            .orElse(MappingForm.blank());
    List<String> variables = survey.items().stream().map(SurveyDoc.Item::code).toList();
    String action =
        "/datos/encuestas/"
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "?"
            + Csrf.FIELD
            + "="
            + URLEncoder.encode(csrf.token(request), StandardCharsets.UTF_8);
    return new SurveyUploadPage(
        List.of(),
        new Choice(survey.code(), survey.name()),
        waves,
        mappings,
        variables,
        chosenWave,
        mapping,
        action,
        null,
        null,
        List.of(),
        form,
        null);
  }

  HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, SurveyUploadPage body) {
    return pages.render(status, VIEW, request, body);
  }
}
