package org.atalaya.web.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.EstimateChart;
import org.atalaya.chart.NumberStyle;
import org.atalaya.chart.ReliabilityMark;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.Messages;
import org.atalaya.survey.SurveyResults;
import org.atalaya.web.NumberText;

/**
 * A wave's estimates as the pages show them: the survey, wave and question chosen in the address
 * (checked against what the visitor may read), the estimate chart with 95 % error bars and the
 * table beside it. A suppressed cell is drawn and written as suppressed, never as zero.
 */
@Singleton
class SurveyFigures {
  static final String WAVE = "ronda";
  static final String ITEM = "pregunta";

  /** The two breakdowns a page shows, by their name in addresses. */
  enum By {
    SEXO("sex"),
    TERRITORIO("territory");

    final String api;

    By(String api) {
      this.api = api;
    }

    String path() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final SurveyResults results;

  SurveyFigures(SurveyResults results) {
    this.results = results;
  }

  record Selection(SurveyResults.Survey survey, SurveyResults.Wave wave, SurveyResults.Item item) {
    String query() {
      return "?" + WAVE + "=" + wave.code() + "&" + ITEM + "=" + item.key();
    }
  }

  /**
   * The newest wave and the first question unless the address names others; a wrong name is 400.
   */
  Selection select(
      String code, @Nullable String wave, @Nullable String item, boolean staff, Locale locale)
      throws SQLException {
    SurveyResults.Survey survey = results.survey(code, staff, locale);
    List<FieldError> errors = new ArrayList<>();
    SurveyResults.Wave w =
        blank(wave)
            ? survey.waves().stream()
                .max(Comparator.comparing(SurveyResults.Wave::periodStart))
                .orElse(null)
            : survey.waves().stream()
                .filter(x -> x.code().equals(wave.strip()))
                .findFirst()
                .orElse(null);
    if (w == null && !blank(wave)) {
      errors.add(
          choice(WAVE, wave, survey.waves().stream().map(SurveyResults.Wave::code).toList()));
    }
    SurveyResults.Item i =
        blank(item)
            ? survey.items().stream().findFirst().orElse(null)
            : survey.items().stream()
                .filter(x -> x.key().equals(item.strip()))
                .findFirst()
                .orElse(null);
    if (i == null && !blank(item)) {
      errors.add(choice(ITEM, item, survey.items().stream().map(SurveyResults.Item::key).toList()));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "problem.invalid", errors);
    }
    if (w == null || i == null) {
      throw ApiException.notFound("surveyWave", code);
    }
    return new Selection(survey, w, i);
  }

  SurveyResults.Estimates estimates(Selection s, By by, boolean staff, Locale locale)
      throws SQLException {
    return results.estimates(s.survey().code(), s.wave().code(), s.item(), by.api, staff, locale);
  }

  /** The chart, or null when no cell has a figure to draw. */
  @Nullable
  EstimateChart chart(Selection s, SurveyResults.Estimates e, By by, Locale locale) {
    List<EstimateChart.Estimate> marks = new ArrayList<>();
    double scale = e.proportion() ? 100 : 1;
    for (SurveyResults.Cell c : e.cells()) {
      String group = label(c, locale);
      String subgroup = s.wave().name();
      if (c.estimate() == null || c.ciLower() == null || c.ciUpper() == null) {
        marks.add(EstimateChart.Estimate.suppressed(group, subgroup));
      } else {
        marks.add(
            new EstimateChart.Estimate(
                group,
                subgroup,
                c.estimate() * scale,
                c.ciLower() * scale,
                c.ciUpper() * scale,
                c.suppressed() || !"RELIABLE".equals(c.reliability())
                    ? ReliabilityMark.LOW_PRECISION
                    : ReliabilityMark.RELIABLE));
      }
    }
    if (marks.stream().allMatch(m -> m.value() == null)) {
      return null;
    }
    String title = Messages.format(locale, "web.surveys.chart." + by.path(), s.item().label());
    String unit = e.proportion() ? "%" : Messages.format(locale, "web.surveys.mean");
    ChartMeta meta =
        new ChartMeta(
            title, unit, source(s, locale), s.wave().periodEnd(), NumberStyle.ONE_DECIMAL);
    return new EstimateChart(meta, marks, 0.95);
  }

  List<SurveyView.Row> rows(SurveyResults.Estimates e, Locale locale) {
    List<SurveyView.Row> rows = new ArrayList<>();
    for (SurveyResults.Cell c : e.cells()) {
      boolean hidden = c.estimate() == null;
      String flag =
          c.suppressed() ? "SUPPRESSED" : c.reliability() == null ? "SUPPRESSED" : c.reliability();
      String words = Messages.format(locale, "web.surveys.reliability." + flag);
      if (c.reason() != null) {
        words = words + " · " + c.reason();
      }
      rows.add(
          new SurveyView.Row(
              label(c, locale),
              hidden
                  ? Messages.format(locale, "web.surveys.suppressedCell")
                  : value(c.estimate(), e, locale),
              c.ciLower() == null || c.ciUpper() == null
                  ? "—"
                  : value(c.ciLower(), e, locale) + " – " + value(c.ciUpper(), e, locale),
              c.cv() == null ? "—" : NumberText.percent(c.cv(), locale),
              NumberText.number((double) c.n(), 0, locale),
              flag,
              words));
    }
    return rows;
  }

  static String source(Selection s, Locale locale) {
    return Messages.format(locale, "web.surveys.source", s.survey().name(), s.wave().name());
  }

  private static String value(Double v, SurveyResults.Estimates e, Locale locale) {
    return e.proportion() ? NumberText.percent(v, locale) : NumberText.number(v, 1, locale);
  }

  private static String label(SurveyResults.Cell c, Locale locale) {
    return c.label() == null ? Messages.format(locale, "web.surveys.total") : c.label();
  }

  private static FieldError choice(String field, String value, List<String> allowed) {
    return new FieldError(
        field, "enumValue", value, allowed.stream().collect(Collectors.joining(", ")));
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
