package org.atalaya.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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

  /**
   * A published file is served as frozen: a CDN or a browser may keep it for a year without asking
   * again (its address names the version, and a version never changes once published), and a
   * revalidation by its SHA-256 (the ETag) is answered 304 without the bytes. A draft's is rendered
   * now and never kept.
   */
  @Get("/{plan}/{period}/{version}/{file}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> file(
      @Nullable Authentication auth,
      String plan,
      String period,
      int version,
      String file,
      @Nullable @Header("If-None-Match") String ifNoneMatch)
      throws SQLException {
    var d = reports.file(plan, period, version, file, auth != null);
    if (d.sha256() == null) {
      return download(d).header("Cache-Control", "no-store");
    }
    String etag = "\"" + d.sha256() + "\"";
    var answer = matches(ifNoneMatch, etag) ? HttpResponse.notModified() : download(d);
    return answer.header("ETag", etag).header("Cache-Control", IMMUTABLE);
  }

  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static io.micronaut.http.MutableHttpResponse<byte[]> download(ReportService.Download d) {
    return HttpResponse.ok(d.content())
        .contentType(MediaType.of(d.mediaType()))
        .header("Content-Disposition", "inline; filename=\"" + d.name() + "\"")
        .header("X-Content-Type-Options", "nosniff");
  }

  /** RFC 9110: a list of entity tags (weak ones compare by their opaque part), or {@code *}. */
  private static boolean matches(@Nullable String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
