package org.atalaya.web.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.atalaya.risk.PlaceKind;
import org.atalaya.risk.ReportSource;
import org.atalaya.risk.RiskMap;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Pages;
import org.atalaya.web.indicator.IndicatorView;

/**
 * An analyst records one unsafe place at a time: kind, date, source, and where — by coordinates, or
 * by corregimiento when no point is known. The report goes through the file import's own checks and
 * generalisation, so a point outside the district is refused in the same words.
 */
@Controller("/mapa-de-riesgo/reportar")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class RiskReportPages {
  private static final String VIEW = "risk/report";
  private final RiskMap risk;
  private final TerritoryService territories;
  private final Pages pages;
  private final ProblemResponses problems;

  RiskReportPages(
      RiskMap risk, TerritoryService territories, Pages pages, ProblemResponses problems) {
    this.risk = risk;
    this.territories = territories;
    this.pages = pages;
    this.problems = problems;
  }

  /** What the form holds, as typed. */
  record Form(String kind, String date, String source, String lat, String lon, String place) {}

  record Report(
      Form form,
      List<IndicatorView.Option> kinds,
      List<IndicatorView.Option> sources,
      List<IndicatorView.Option> places,
      List<Problem.Violation> problems,
      @Nullable String saved,
      int gridMetres) {}

  @Get
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> form(HttpRequest<?> request) {
    Form empty =
        new Form("", LocalDate.now(Dates.ZONE).toString(), ReportSource.RECORD.word(), "", "", "");
    return pages.render(HttpStatus.OK, VIEW, request, report(request, empty, List.of(), null));
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> save(
      HttpRequest<?> request,
      @Nullable String tipo,
      @Nullable String fecha,
      @Nullable String fuente,
      @Nullable String latitud,
      @Nullable String longitud,
      @Nullable String corregimiento)
      throws IOException, SQLException {
    Form form =
        new Form(
            text(tipo),
            text(fecha),
            text(fuente),
            text(latitud),
            text(longitud),
            text(corregimiento));
    try {
      RiskMap.ImportResult done =
          risk.reportOne(
              form.kind(), form.source(), form.date(), form.lat(), form.lon(), form.place());
      String where =
          String.join(
              ", ",
              done.byCorregimiento().keySet().stream()
                  .map(c -> territories.find(c).map(t -> t.name()).orElse(c))
                  .toList());
      String saved = pages.text(request, "web.risk.reportSaved", where, done.gridMetres());
      Form next = new Form(form.kind(), form.date(), form.source(), "", "", "");
      return pages.render(HttpStatus.OK, VIEW, request, report(request, next, List.of(), saved));
    } catch (ApiException e) {
      // The file import names a field "formulario:2:latitud"; the form names just the field.
      List<Problem.Violation> errors =
          problems.of(request, e).body().errors().stream()
              .map(
                  v ->
                      new Problem.Violation(
                          v.field().substring(v.field().lastIndexOf(':') + 1),
                          v.code(),
                          v.message()))
              .toList();
      return pages.render(
          HttpStatus.UNPROCESSABLE_ENTITY, VIEW, request, report(request, form, errors, null));
    }
  }

  private Report report(
      HttpRequest<?> request, Form form, List<Problem.Violation> errors, @Nullable String saved) {
    Locale locale = pages.locale(request);
    List<IndicatorView.Option> kinds =
        Arrays.stream(PlaceKind.values())
            .map(
                k ->
                    new IndicatorView.Option(
                        k.word(), Messages.format(locale, "risk.kind." + k.name())))
            .toList();
    List<IndicatorView.Option> sources =
        Arrays.stream(ReportSource.values())
            .map(
                s ->
                    new IndicatorView.Option(
                        s.word(), Messages.format(locale, "risk.source." + s.name())))
            .toList();
    List<IndicatorView.Option> places =
        territories.all().stream()
            .filter(t -> t.level() == TerritoryLevel.CORREGIMIENTO)
            .map(t -> new IndicatorView.Option(t.code(), t.name()))
            .toList();
    return new Report(
        form, kinds, sources, places, errors, saved, org.atalaya.risk.GridPoint.CELL_METRES);
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
