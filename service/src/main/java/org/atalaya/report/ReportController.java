package org.atalaya.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.security.Role;

/**
 * The accountability report. Anyone reads published versions and downloads their frozen files;
 * staff also see drafts (rendered from the current data); the committee or an administrator
 * publishes.
 */
@Controller("/api/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Informes")
class ReportController {
  private final ReportService reports;

  ReportController(ReportService reports) {
    this.reports = reports;
  }

  @Serdeable
  record NewReport(@NotBlank String plan, @NotBlank String period) {}

  @Serdeable
  record NewVersion(@Nullable String reason) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<ReportService.ReportView> list(@Nullable Authentication auth) throws SQLException {
    return reports.list(auth != null);
  }

  @Post
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.COMMITTEE_NAME})
  HttpResponse<ReportService.ReportView> create(Authentication auth, @Body @Valid NewReport body)
      throws SQLException {
    return HttpResponse.created(reports.create(body.plan(), body.period(), auth.getName()));
  }

  @Post("/{plan}/{period}/versions")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.COMMITTEE_NAME})
  HttpResponse<ReportService.ReportView> newVersion(
      Authentication auth, String plan, String period, @Body NewVersion body) throws SQLException {
    return HttpResponse.created(reports.newVersion(plan, period, body.reason(), auth.getName()));
  }

  @Post("/{plan}/{period}/{version}/publish")
  @Secured({Role.ADMIN_NAME, Role.COMMITTEE_NAME})
  ReportService.ReportView publish(Authentication auth, String plan, String period, int version)
      throws SQLException {
    return reports.publish(plan, period, version, auth.getName());
  }

  @Get("/{plan}/{period}/{version}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ReportService.ReportView get(
      @Nullable Authentication auth, String plan, String period, int version) throws SQLException {
    return reports.get(plan, period, version, auth != null);
  }

  /** A published file is served as frozen; a draft's is rendered now and never cached. */
  @Get("/{plan}/{period}/{version}/{file}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<byte[]> file(
      @Nullable Authentication auth, String plan, String period, int version, String file)
      throws SQLException {
    var d = reports.file(plan, period, version, file, auth != null);
    var response =
        HttpResponse.ok(d.content())
            .contentType(MediaType.of(d.mediaType()))
            .header("Content-Disposition", "inline; filename=\"" + d.name() + "\"")
            .header("X-Content-Type-Options", "nosniff");
    if (d.sha256() == null) {
      return response.header("Cache-Control", "no-store");
    }
    return response
        .header("ETag", "\"" + d.sha256() + "\"")
        .header("Cache-Control", "public, max-age=31536000, immutable");
  }
}
