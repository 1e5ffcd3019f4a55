package org.atalaya.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.atalaya.backup.BackupException;
import org.atalaya.backup.BackupService;
import org.atalaya.security.Role;
import org.atalaya.web.Pages;

/**
 * The administrator's backup page: when the last good backup was taken, the archives in the folder,
 * and a button that takes one now (the same backup as the schedule and the command line).
 */
@Controller("/admin/copias")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
class BackupPages {
  static final String VIEW = "admin/backups";
  private static final Duration EXPECTED_EVERY = Duration.ofHours(26);

  private final Pages pages;
  private final BackupService backups;

  BackupPages(Pages pages, BackupService backups) {
    this.pages = pages;
    this.backups = backups;
  }

  @Serdeable
  record BackupsPage(
      boolean configured,
      String lastGood,
      boolean warning,
      List<Row> archives,
      @Nullable String notice,
      @Nullable String error) {}

  @Serdeable
  record Row(String name, String takenAt, String size) {}

  @Get
  HttpResponse<String> show(HttpRequest<?> request, @Nullable @QueryValue String aviso) {
    String notice = "hecha".equals(aviso) ? pages.text(request, "admin.backup.done") : null;
    return pages.render(HttpStatus.OK, VIEW, request, page(request, notice, null));
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> backUpNow(HttpRequest<?> request) {
    try {
      backups.backupNow();
      return HttpResponse.seeOther(
          UriBuilder.of("/admin/copias").queryParam("aviso", "hecha").build());
    } catch (BackupException e) {
      String error = e.message(pages.locale(request));
      HttpStatus status =
          backups.configured() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.CONFLICT;
      return pages.render(status, VIEW, request, page(request, null, error));
    }
  }

  private BackupsPage page(
      HttpRequest<?> request, @Nullable String notice, @Nullable String error) {
    Locale locale = pages.locale(request);
    var rows =
        backups.list().stream()
            .map(
                a ->
                    new Row(
                        a.name(),
                        AdminViews.date(a.takenAt(), locale),
                        String.format(locale, "%,.1f MB", a.bytes() / 1e6)))
            .toList();
    String lastGood =
        backups
            .lastGood()
            .map(t -> AdminViews.date(t, locale))
            .orElse(pages.text(request, "admin.backup.none"));
    return new BackupsPage(
        backups.configured(),
        lastGood,
        backups.warning(EXPECTED_EVERY).isPresent(),
        rows,
        notice,
        error);
  }
}
