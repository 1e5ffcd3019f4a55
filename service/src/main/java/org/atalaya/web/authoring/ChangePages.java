package org.atalaya.web.authoring;

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
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Locale;
import org.atalaya.plan.PlanAuthoring;
import org.atalaya.plan.PlanChanges;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.web.Pages;
import org.atalaya.web.authoring.CardPage.ChangeRow;

/**
 * The proposed changes of a published plan, each as a field-by-field difference; the committee or
 * an administrator approves or rejects one (the buttons are absent for anyone else, and the routes
 * refuse them); the plan's versions, each readable.
 */
@Controller("/planes/{plan}/cambios")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChangePages {
  private final Pages pages;
  private final PlanChanges changes;
  private final PlanAuthoring authoring;
  private final FormErrors errors;

  ChangePages(Pages pages, PlanChanges changes, PlanAuthoring authoring, FormErrors errors) {
    this.pages = pages;
    this.changes = changes;
    this.authoring = authoring;
    this.errors = errors;
  }

  public record Row(
      long id,
      String status,
      String proposedBy,
      String proposedAt,
      @Nullable String decidedBy,
      @Nullable String decidedAt,
      @Nullable String reason,
      int fields,
      List<ChangeRow> differences) {}

  public record VersionRow(long version, String since, String by) {}

  public record ListPage(
      String plan, String planName, List<Row> changes, List<VersionRow> versions) {}

  public record OnePage(
      String plan, String planName, Row change, boolean open, List<String> problems) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DecisionForm(@Nullable String reason) {}

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<String> list(HttpRequest<?> request, String plan) {
    Locale locale = pages.locale(request);
    var rows = changes.list(plan).stream().map(c -> row(c, locale)).toList();
    var versions =
        changes.versions(plan).stream()
            .map(v -> new VersionRow(v.version(), Dates.moment(v.since(), locale), v.approvedBy()))
            .toList();
    var body = new ListPage(plan, authoring.working(plan).plan().name(), rows, versions);
    return pages.render(HttpStatus.OK, "authoring/changes", request, body);
  }

  @Get("/{id}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<String> show(HttpRequest<?> request, String plan, long id) {
    return one(request, HttpStatus.OK, plan, changes.get(plan, id), List.of());
  }

  @Post(value = "/{id}/aprobar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  HttpResponse<?> approve(HttpRequest<?> request, String plan, long id, @Body DecisionForm form) {
    try {
      changes.approve(plan, id, form.reason());
      return HttpResponse.seeOther(UriBuilder.of("/planes/" + plan + "/cambios/" + id).build());
    } catch (ApiException e) {
      return refused(request, plan, id, e);
    }
  }

  @Post(value = "/{id}/rechazar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  HttpResponse<?> reject(HttpRequest<?> request, String plan, long id, @Body DecisionForm form) {
    try {
      changes.reject(plan, id, form.reason());
      return HttpResponse.seeOther(UriBuilder.of("/planes/" + plan + "/cambios/" + id).build());
    } catch (ApiException e) {
      return refused(request, plan, id, e);
    }
  }

  private HttpResponse<String> refused(
      HttpRequest<?> request, String plan, long id, ApiException e) {
    var sorted = errors.sort(request, e, java.util.Set.of());
    return one(request, e.status(), plan, changes.get(plan, id), sorted.general());
  }

  private HttpResponse<String> one(
      HttpRequest<?> request, HttpStatus status, String plan, Change c, List<String> problems) {
    var body =
        new OnePage(
            plan,
            authoring.working(plan).plan().name(),
            row(c, pages.locale(request)),
            c.status() == org.atalaya.plan.PlanChangeStatus.PROPOSED,
            problems);
    return pages.render(status, "authoring/change", request, body);
  }

  private static Row row(Change c, Locale locale) {
    return new Row(
        c.id(),
        Messages.format(locale, "planChange." + c.status()),
        c.proposedBy(),
        Dates.moment(c.proposedAt(), locale),
        c.decidedBy(),
        c.decidedAt() == null ? null : Dates.moment(c.decidedAt(), locale),
        c.reason(),
        c.differences().size(),
        FieldNames.rows(c.differences(), locale));
  }
}
