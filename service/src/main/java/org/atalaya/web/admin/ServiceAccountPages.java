package org.atalaya.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.atalaya.security.Role;
import org.atalaya.security.ServiceAccounts;
import org.atalaya.shared.ApiException;

/**
 * Service accounts and their API tokens from the users page. Issuing answers with a page that shows
 * the secret this once (not cached, not in any redirect or later page); revoking needs a reason.
 * Both go through the service behind {@code /api/service-accounts}, audited alike.
 */
@Controller("/admin/cuentas-servicio")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
class ServiceAccountPages {
  private final AdminViews views;
  private final ServiceAccounts accounts;

  ServiceAccountPages(AdminViews views, ServiceAccounts accounts) {
    this.views = views;
    this.accounts = accounts;
  }

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AccountForm(@Nullable String username, @Nullable String role, @Nullable String reason) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TokenForm(@Nullable String name, @Nullable String days, @Nullable String reason) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RevokeForm(@Nullable String reason) {}

  /** The page that shows a new token's secret, once. */
  public record IssuedPage(String account, String name, String expiresAt, String secret) {}

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, @Body AccountForm form) {
    try {
      var created = accounts.create(form.username(), AdminViews.role(form.role()), form.reason());
      return UserPages.done("servicio", created.username());
    } catch (ApiException e) {
      var draft = new UsersPage.Draft(null, null, form.username(), form.role(), null);
      return UserPages.refused(request, views, e, draft);
    }
  }

  @Post(value = "/{username}/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> issue(HttpRequest<?> request, String username, @Body TokenForm form) {
    try {
      var issued = accounts.issue(username, form.name(), days(form.days()), form.reason());
      var body =
          new IssuedPage(
              username,
              issued.token().name(),
              AdminViews.date(issued.token().expiresAt(), views.locale(request)),
              issued.secret());
      return views
          .render(HttpStatus.CREATED, "admin/token", request, body)
          .header(HttpHeaders.CACHE_CONTROL, "no-store");
    } catch (ApiException e) {
      return UserPages.refused(request, views, e, UsersPage.Draft.EMPTY);
    }
  }

  @Post(value = "/{username}/tokens/{id}/revocar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> revoke(HttpRequest<?> request, String username, long id, @Body RevokeForm form) {
    try {
      accounts.revoke(username, id, form.reason());
      return UserPages.done("revocado", username);
    } catch (ApiException e) {
      return UserPages.refused(request, views, e, UsersPage.Draft.EMPTY);
    }
  }

  private static @Nullable Integer days(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("expiresInDays", "apiToken.days", ServiceAccounts.MAX_DAYS);
    }
  }
}
