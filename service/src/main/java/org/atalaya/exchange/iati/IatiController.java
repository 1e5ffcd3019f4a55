package org.atalaya.exchange.iati;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.publication.Audience;
import org.atalaya.security.Role;

/**
 * Results for donors: a plan's priority projects as IATI activities, and which tracked indicators
 * each project reports.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Resultados IATI")
class IatiController {
  private final IatiActivities activities;
  private final IatiLinks links;
  private final Clock clock;

  IatiController(IatiActivities activities, IatiLinks links, Clock clock) {
    this.clock = clock;
    this.activities = activities;
    this.links = links;
  }

  /** A project's result indicators, by code, in order. */
  @Serdeable
  record Results(@NotNull List<@NotBlank String> indicators) {}

  @Get(value = "/api/public/plans/{plan}/iati.xml", produces = MediaType.APPLICATION_XML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<byte[]> activities(
      String plan, @Nullable Authentication user, @Nullable @QueryValue LocalDate asOf)
      throws SQLException {
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    byte[] xml = activities.write(plan, day, Audience.of(user != null));
    return HttpResponse.ok(xml)
        .contentType(MediaType.of("application/xml; charset=utf-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + plan + "-iati.xml\"");
  }

  @Get("/api/plans/{plan}/projects/{project}/iati")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.COMMITTEE_NAME})
  Results results(String plan, String project) {
    return new Results(links.byProject(plan).getOrDefault(project, List.of()));
  }

  @Put("/api/plans/{plan}/projects/{project}/iati")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Results replace(String plan, String project, @Valid @Body Results body) {
    return new Results(links.replace(plan, project, body.indicators()));
  }
}
