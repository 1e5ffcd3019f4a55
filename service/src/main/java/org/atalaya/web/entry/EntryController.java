package org.atalaya.web.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.MeasurementImport;
import org.atalaya.measurement.UploadView;
import org.atalaya.security.Role;
import org.atalaya.shared.Periods;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.entry.EntryPage.Choice;

/**
 * The analysts' data pages: a hub, and a form for one measurement that goes through the same
 * ingestion as a file (checks, revisions, audit), with each problem shown beside its field.
 */
@Controller("/datos")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class EntryController {
  private static final Set<String> FIELDS = EntryForm.blank().columns().keySet();

  private final Pages pages;
  private final IndicatorService indicators;
  private final TerritoryService territories;
  private final MeasurementImport measurements;

  EntryController(
      Pages pages,
      IndicatorService indicators,
      TerritoryService territories,
      MeasurementImport measurements) {
    this.pages = pages;
    this.indicators = indicators;
    this.territories = territories;
    this.measurements = measurements;
  }

  /** Links to the data pages; nothing to load. */
  public record Hub() {}

  @Get
  ModelAndView<Page<Hub>> hub(HttpRequest<?> request) {
    return pages.view("entry/hub", request, new Hub());
  }

  /**
   * The empty form, or after a save (post/redirect/get) the same indicator, period, sex, place and
   * source ready for the next figure, with what the save did.
   */
  @Get("/medicion")
  HttpResponse<String> form(
      HttpRequest<?> request,
      @Nullable @QueryValue String guardada,
      @Nullable @QueryValue String indicador,
      @Nullable @QueryValue String periodo,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio,
      @Nullable @QueryValue String fuente) {
    if (guardada == null || !List.of("new", "revised", "unchanged").contains(guardada)) {
      return page(request, HttpStatus.OK, EntryForm.blank(), Map.of(), List.of(), null);
    }
    var next =
        new EntryForm(indicador, periodo, sexo, territorio, null, null, null, fuente, null, null);
    String saved =
        pages.text(request, "web.entry.saved." + guardada, indicador, Periods.code(periodo));
    return page(request, HttpStatus.OK, next, Map.of(), List.of(), saved);
  }

  @Post(value = "/medicion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @Body EntryForm form)
      throws IOException {
    UploadView report =
        measurements.entry(form.columns(), form.why(), auth.getName(), pages.locale(request));
    if (report.committed()) {
      var uri =
          UriBuilder.of("/datos/medicion")
              .queryParam("guardada", savedKind(report))
              .queryParam("indicador", text(form.indicator()))
              .queryParam("periodo", text(form.period()))
              .queryParam("sexo", text(form.sex()))
              .queryParam("territorio", text(form.territory()))
              .queryParam("fuente", text(form.source()));
      return HttpResponse.seeOther(uri.build());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> rowErrors = new ArrayList<>();
    for (UploadView.Line line : report.errors()) {
      if (FIELDS.contains(line.column())) {
        errors.merge(line.column(), line.message(), (a, b) -> a + "; " + b);
      } else {
        rowErrors.add(line.message());
      }
    }
    return page(request, HttpStatus.UNPROCESSABLE_ENTITY, form, errors, rowErrors, null);
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String savedKind(UploadView report) {
    if (report.inserted() > 0) {
      return "new";
    }
    return report.revised() > 0 ? "revised" : "unchanged";
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      HttpStatus status,
      EntryForm form,
      Map<String, String> errors,
      List<String> rowErrors,
      String saved) {
    List<Choice> indicatorChoices =
        indicators.list(null).stream()
            .map(i -> new Choice(i.code(), i.code() + " — " + i.name()))
            .toList();
    List<Choice> places =
        territories.list().stream()
            .map(t -> new Choice(t.code(), t.name() + " (" + t.code() + ")"))
            .toList();
    var body = new EntryPage(indicatorChoices, places, form, errors, rowErrors, saved);
    return pages.render(status, "entry/entry", request, body);
  }
}
