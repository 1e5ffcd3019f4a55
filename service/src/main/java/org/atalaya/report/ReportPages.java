package org.atalaya.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.atalaya.plan.PlanService;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;

/**
 * "Informes y datos abiertos": the public reads every published report with its files and hashes;
 * staff also see drafts, create a report, read what blocks a draft's publication, and ask for a
 * correction; the committee or an administrator publishes. The rules are the report service's.
 */
@Controller("/informes")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPages {
  private static final List<String> NOTICES = List.of("creado", "publicado", "correccion");

  private final ReportService reports;
  private final ReportViews views;
  private final PlanService plans;
  private final Pages pages;

  ReportPages(ReportService reports, ReportViews views, PlanService plans, Pages pages) {
    this.reports = reports;
    this.views = views;
    this.plans = plans;
    this.pages = pages;
  }

  public record Option(String value, String label) {}

  public record ListPage(
      List<ReportViews.Group> groups,
      List<Option> plans,
      String plan,
      String period,
      ReportFormErrors errors,
      List<Option> published) {}

  public record DetailPage(
      String plan,
      String planName,
      String period,
      ReportViews.VersionRow report,
      List<ReportViews.VersionRow> versions,
      List<ReportViews.Pending> pending,
      boolean latest,
      @Nullable String notice,
      String reason,
      ReportFormErrors errors) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record NewForm(@Nullable String plan, @Nullable String periodo) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PublishForm(@Nullable String confirmo) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record CorrectionForm(@Nullable String motivo) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<String> list(HttpRequest<?> request) throws SQLException {
    return listPage(request, HttpStatus.OK, "", "", ReportFormErrors.NONE);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.COMMITTEE_NAME})
  HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body NewForm form)
      throws SQLException {
    String plan = form.plan() == null ? "" : form.plan().strip();
    String period = form.periodo() == null ? "" : form.periodo().strip();
    try {
      var created = reports.create(plan, period, auth.getName());
      return done(created.plan(), created.period(), created.version(), "creado");
    } catch (ApiException e) {
      var errors = ReportFormErrors.of(pages, request, e, "period", Map.of("plan", "plan"));
      return listPage(request, e.status(), plan, period, errors);
    }
  }

  @Get("/{plan}/{period}/{version}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<String> show(
      HttpRequest<?> request,
      String plan,
      String period,
      int version,
      @Nullable @QueryValue String aviso)
      throws SQLException {
    String notice = aviso != null && NOTICES.contains(aviso) ? aviso : null;
    return detailPage(
        request, HttpStatus.OK, plan, period, version, notice, "", ReportFormErrors.NONE);
  }

  @Post(
      value = "/{plan}/{period}/{version}/publicar",
      consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  HttpResponse<?> publish(
      HttpRequest<?> request,
      Authentication auth,
      String plan,
      String period,
      int version,
      @Body PublishForm form)
      throws SQLException {
    try {
      if (!"si".equals(form.confirmo())) {
        throw ApiException.invalid("confirmo", "reports.confirm");
      }
      reports.publish(plan, period, version, auth.getName());
      return done(plan, period, version, "publicado");
    } catch (ApiException e) {
      var errors = ReportFormErrors.of(pages, request, e, "confirmo", Map.of());
      return detailPage(request, e.status(), plan, period, version, null, "", errors);
    }
  }

  @Post(value = "/{plan}/{period}/correcciones", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.COMMITTEE_NAME})
  HttpResponse<?> correct(
      HttpRequest<?> request,
      Authentication auth,
      String plan,
      String period,
      @QueryValue int desde,
      @Body CorrectionForm form)
      throws SQLException {
    try {
      var created = reports.newVersion(plan, period, form.motivo(), auth.getName());
      return done(created.plan(), created.period(), created.version(), "correccion");
    } catch (ApiException e) {
      var errors = ReportFormErrors.of(pages, request, e, "motivo", Map.of("reason", "motivo"));
      String typed = form.motivo() == null ? "" : form.motivo();
      return detailPage(request, e.status(), plan, period, desde, null, typed, errors);
    }
  }

  private HttpResponse<String> listPage(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      String period,
      ReportFormErrors errors)
      throws SQLException {
    boolean staff = Pages.currentUser(request) != null;
    List<Option> options =
        staff
            ? plans.list(true).stream().map(p -> new Option(p.code(), p.name())).toList()
            : List.of();
    var body =
        new ListPage(
            views.groups(request, reports.list(staff)),
            options,
            plan,
            period,
            errors,
            plans.list(false).stream().map(p -> new Option(p.code(), p.name())).toList());
    return pages.render(status, "reports/list", request, body);
  }

  private HttpResponse<String> detailPage(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      String period,
      int version,
      @Nullable String notice,
      String reason,
      ReportFormErrors errors)
      throws SQLException {
    var d = reports.detail(plan, period, version, Pages.currentUser(request) != null);
    var rows = views.rows(request, plan, d.versions());
    var body =
        new DetailPage(
            d.report().plan(),
            views.planName(plan),
            d.report().period(),
            rows.stream().filter(v -> v.version() == version).findFirst().orElseThrow(),
            rows,
            views.pending(d.pending()),
            rows.get(rows.size() - 1).version() == version,
            notice == null ? null : pages.text(request, "reports.notice." + notice, version),
            reason,
            errors);
    return pages.render(status, "reports/detail", request, body);
  }

  private static HttpResponse<?> done(String plan, String period, int version, String notice) {
    return HttpResponse.seeOther(
        UriBuilder.of("/informes")
            .path(plan)
            .path(period)
            .path(String.valueOf(version))
            .queryParam("aviso", notice)
            .build());
  }
}
