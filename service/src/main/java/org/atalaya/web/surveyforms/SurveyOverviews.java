package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.shared.Dates;
import org.atalaya.survey.IndicatorBinding;
import org.atalaya.survey.SurveyAuthoring;
import org.atalaya.survey.SurveyDoc;
import org.atalaya.survey.WaveApproval;
import org.atalaya.survey.WaveDoc;
import org.atalaya.web.Pages;
import org.atalaya.web.surveyforms.SurveyWorkPage.BindingRow;
import org.atalaya.web.surveyforms.SurveyWorkPage.Choice;
import org.atalaya.web.surveyforms.SurveyWorkPage.WaveRow;

/** Builds the analysts' survey list and a survey's working page. */
@Singleton
class SurveyOverviews {
  private final Pages pages;
  private final SurveyAuthoring surveys;
  private final WaveApproval approval;
  private final IndicatorService indicators;

  SurveyOverviews(
      Pages pages, SurveyAuthoring surveys, WaveApproval approval, IndicatorService indicators) {
    this.pages = pages;
    this.surveys = surveys;
    this.approval = approval;
    this.indicators = indicators;
  }

  /** Every survey, for the list page. */
  public record SurveyList(List<Choice> surveys) {}

  SurveyList list() throws SQLException {
    return new SurveyList(
        surveys.surveys().stream().map(s -> new Choice(s.code(), s.name())).toList());
  }

  SurveyWorkPage of(
      HttpRequest<?> request,
      String code,
      Map<String, String> waveForm,
      Map<String, String> bindForm,
      Map<String, String> errors,
      List<String> general,
      @Nullable String notice)
      throws SQLException {
    Locale locale = pages.locale(request);
    SurveyDoc doc = surveys.survey(code);
    List<WaveRow> waves = new ArrayList<>();
    for (WaveDoc w : surveys.waves(code)) {
      String state = w.loaded() == null ? "EMPTY" : approval.status(code, w.code()).status();
      waves.add(
          new WaveRow(
              w.code(),
              w.name(),
              Dates.day(w.periodStart(), locale) + " – " + Dates.day(w.periodEnd(), locale),
              "surveyForm.wave.state." + state,
              w.loaded() == null ? null : w.loaded().respondents()));
    }
    List<BindingRow> bindings = new ArrayList<>();
    for (IndicatorBinding b : surveys.bindings(code)) {
      bindings.add(
          new BindingRow(
              b.indicator(),
              b.item(),
              b.kind().name(),
              b.value() == null ? "" : b.value(),
              b.weight() == null ? "" : b.weight(),
              b.scale() == null ? "" : pages.text(request, "surveyForm.scale", b.scale())));
    }
    List<Choice> items =
        doc.items().stream().map(i -> new Choice(i.code(), i.code() + " — " + i.label())).toList();
    List<Choice> indicatorChoices =
        indicators.list(null).stream()
            .map(i -> new Choice(i.code(), i.code() + " — " + i.name()))
            .toList();
    String chosen = notice == null ? null : "surveyForm.notice." + notice;
    return new SurveyWorkPage(
        doc.code(),
        doc.name(),
        doc.design().weights(),
        items,
        waves,
        bindings,
        indicatorChoices,
        waveForm,
        bindForm,
        errors,
        general,
        chosen == null || !List.of("guardada", "ronda", "indicador").contains(notice)
            ? null
            : chosen);
  }
}
