package org.atalaya.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.atalaya.audit.AuditReader;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/**
 * The audit log for administrators and the committee: filter by who, what and when, newest first,
 * twenty-five to a page, each change as "field: old → new", and the same filter as CSV through
 * {@code /api/audit}.
 */
@Controller("/admin/auditoria")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPages {
  static final int SIZE = 25;
  private static final List<String> ACTIONS = List.of("CREATE", "UPDATE", "DELETE", "IMPORT");
  static final List<String> ENTITIES =
      List.of(
          "apiToken",
          "axis",
          "indicator",
          "institution",
          "measurement",
          "measurementValidation",
          "plan",
          "project",
          "report",
          "survey",
          "surveyAggregate",
          "surveyIndicator",
          "surveyMapping",
          "surveyWave",
          "surveyWaveValidation",
          "target",
          "territory",
          "user",
          "userInstitution");

  private final AdminViews views;
  private final AuditReader reader;

  AuditPages(AdminViews views, AuditReader reader) {
    this.views = views;
    this.reader = reader;
  }

  @Get
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  HttpResponse<String> show(
      HttpRequest<?> request,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue String entity,
      @Nullable @QueryValue String key,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String page)
      throws SQLException {
    var filters = new AuditPage.Filters(actor, entity, key, action, from, to);
    int number = pageNumber(page);
    Locale locale = views.locale(request);
    try {
      var found = reader.search(entity, key, actor, action, from, to, number, SIZE);
      int pages = (int) Math.max(1, (found.total() + SIZE - 1) / SIZE);
      var rows = found.entries().stream().map(e -> row(e, locale)).toList();
      var body =
          new AuditPage(
              filters,
              rows,
              found.total(),
              number,
              pages,
              link("/api/audit", filters, null).queryParam("format", "csv").toString(),
              number > 1 ? link("/admin/auditoria", filters, number - 1).toString() : null,
              number < pages ? link("/admin/auditoria", filters, number + 1).toString() : null,
              ACTIONS,
              entities(locale),
              List.of());
      return views.render(HttpStatus.OK, "admin/audit", request, body);
    } catch (ApiException e) {
      var body =
          new AuditPage(
              filters,
              List.of(),
              0,
              1,
              1,
              "/api/audit?format=csv",
              null,
              null,
              ACTIONS,
              entities(locale),
              views.errors(request, e));
      return views.render(e.status(), "admin/audit", request, body);
    }
  }

  /** A page number that is not one shows the first page rather than an error. */
  private static int pageNumber(@Nullable String text) {
    try {
      return text == null ? 1 : Math.max(1, Math.min(Integer.parseInt(text.strip()), 1_000_000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static UriBuilder link(String path, AuditPage.Filters f, @Nullable Integer page) {
    var uri = UriBuilder.of(path);
    add(uri, "actor", f.actor());
    add(uri, "entity", f.entity());
    add(uri, "key", f.key());
    add(uri, "action", f.action());
    add(uri, "from", f.from());
    add(uri, "to", f.to());
    if (page != null) {
      uri.queryParam("page", page);
    } else {
      uri.queryParam("size", 1000);
    }
    return uri;
  }

  private static void add(UriBuilder uri, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      uri.queryParam(name, value.strip());
    }
  }

  private AuditPage.Row row(AuditReader.Entry e, Locale locale) {
    return new AuditPage.Row(
        e.id(),
        AdminViews.date(e.at(), locale),
        e.actor(),
        e.action().name(),
        AuditChanges.entity(e.entity(), locale),
        e.key(),
        AuditChanges.of(e.before(), e.after(), locale),
        e.reason());
  }

  /** The entities the service audits, by name in the reader's language, for the filter. */
  private static List<AuditPage.Option> entities(Locale locale) {
    return ENTITIES.stream()
        .map(code -> new AuditPage.Option(code, AuditChanges.entity(code, locale)))
        .sorted(java.util.Comparator.comparing(AuditPage.Option::name))
        .toList();
  }
}
