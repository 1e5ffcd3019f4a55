package org.atalaya.web.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.ApiException;
import org.atalaya.survey.SurveyChanges;
import org.atalaya.survey.SurveyResults;
import org.atalaya.web.NumberText;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.indicator.IndicatorView.Option;

/**
 * Two waves of a survey side by side: each group's estimate in both, the change, its 95 % interval
 * and whether it is significant, in words. The differences API's rules (SurveyChanges).
 */
@Controller("/encuestas/{code}/comparar")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyComparisonPages {
  private final SurveyFigures figures;
  private final SurveyChanges changes;
  private final Pages pages;

  SurveyComparisonPages(SurveyFigures figures, SurveyChanges changes, Pages pages) {
    this.figures = figures;
    this.changes = changes;
    this.pages = pages;
  }

  public record Row(
      String label,
      String earlier,
      String later,
      String difference,
      String interval,
      String test) {}

  public record ComparePage(
      String code,
      String name,
      List<Option> waves,
      String from,
      String to,
      String fromName,
      String toName,
      List<Option> items,
      String item,
      String itemLabel,
      String weight,
      List<Row> rows,
      @Nullable String problem) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<ComparePage>> compare(
      HttpRequest<?> request,
      String code,
      @Nullable @QueryValue String desde,
      @Nullable @QueryValue String hasta,
      @Nullable @QueryValue String pregunta)
      throws SQLException {
    Locale locale = pages.locale(request);
    boolean staff = Pages.currentUser(request) != null;
    var later = figures.select(code, hasta, pregunta, staff, locale);
    var survey = later.survey();
    List<SurveyResults.Wave> waves =
        survey.waves().stream()
            .sorted(Comparator.comparing(SurveyResults.Wave::periodStart))
            .toList();
    SurveyResults.Wave earlier = earlier(waves, later.wave(), desde);
    List<Row> rows = List.of();
    String problem = null;
    String weight = "";
    if (earlier == null) {
      problem = pages.text(request, "web.surveys.compare.oneWave");
    } else if (earlier.code().equals(later.wave().code())) {
      problem = pages.text(request, "web.surveys.compare.same");
    } else {
      var c =
          changes.compare(code, earlier.code(), later.wave().code(), later.item(), staff, locale);
      boolean share = later.item().value() != null;
      rows = c.cells().stream().map(cell -> row(request, cell, share, locale)).toList();
      weight = c.weightNote();
    }
    var body =
        new ComparePage(
            survey.code(),
            survey.name(),
            waves.stream().map(w -> new Option(w.code(), w.name())).toList(),
            earlier == null ? "" : earlier.code(),
            later.wave().code(),
            earlier == null ? "" : earlier.name(),
            later.wave().name(),
            survey.items().stream().map(i -> new Option(i.key(), i.label())).toList(),
            later.item().key(),
            later.item().label(),
            weight,
            rows,
            problem);
    return pages.view("survey/compare", request, body);
  }

  /** The wave named, or the one before the later wave; a wrong name is a 400 naming the field. */
  private static @Nullable SurveyResults.Wave earlier(
      List<SurveyResults.Wave> waves, SurveyResults.Wave later, @Nullable String desde) {
    if (desde != null && !desde.isBlank()) {
      return waves.stream()
          .filter(w -> w.code().equals(desde.strip()))
          .findFirst()
          .orElseThrow(
              () ->
                  new ApiException(
                      HttpStatus.BAD_REQUEST,
                      "problem.invalid",
                      List.of(
                          new ApiException.FieldError(
                              "desde",
                              "enumValue",
                              desde,
                              String.join(
                                  ", ", waves.stream().map(SurveyResults.Wave::code).toList())))));
    }
    SurveyResults.Wave before = null;
    for (var w : waves) {
      if (w.code().equals(later.code())) {
        return before;
      }
      before = w;
    }
    return null;
  }

  private Row row(HttpRequest<?> request, SurveyChanges.Change c, boolean share, Locale locale) {
    String label = c.label() == null ? pages.text(request, "web.surveys.compare.total") : c.label();
    if (c.suppressed()) {
      // Said once, as the wave's own page writes it, with the reason where the test would be.
      String mark = pages.text(request, "web.surveys.suppressedCell");
      return new Row(label, "—", "—", mark, "—", c.reason() == null ? mark : c.reason());
    }
    String interval =
        c.ciLower() == null || c.ciUpper() == null
            ? "—"
            : pages.text(
                request,
                "web.surveys.compare.interval",
                change(c.ciLower(), share, locale),
                change(c.ciUpper(), share, locale));
    String test;
    if (c.significant() == null) {
      test = c.reason() == null ? "—" : c.reason();
    } else {
      String p = NumberText.number(c.pValue(), 3, locale);
      test =
          pages.text(
              request,
              c.significant()
                  ? "web.surveys.compare.significant"
                  : "web.surveys.compare.notSignificant",
              p);
    }
    return new Row(
        label,
        value(c.earlier(), share, locale),
        value(c.later(), share, locale),
        change(c.difference(), share, locale),
        interval,
        test);
  }

  private static String value(@Nullable Double v, boolean share, Locale locale) {
    return share ? NumberText.percent(v, locale) : NumberText.number(v, 1, locale);
  }

  /** A change of a share in percentage points, signed: "+6,0 pp". */
  private String change(@Nullable Double v, boolean share, Locale locale) {
    if (v == null) {
      return "—";
    }
    String text = NumberText.number(share ? v * 100 : v, 1, locale);
    String signed = v > 0 ? "+" + text : text;
    return share ? signed + " pp" : signed;
  }
}
