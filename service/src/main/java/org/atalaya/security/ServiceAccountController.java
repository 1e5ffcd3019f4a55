package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Service accounts for scripted uploads and their API tokens. A script sends {@code Authorization:
 * Bearer atl_…}; the secret is in the answer to the issue and nowhere else, ever.
 */
@Controller("/api/service-accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
@Tag(name = "Usuarios")
class ServiceAccountController {
  private final ServiceAccounts accounts;

  ServiceAccountController(ServiceAccounts accounts) {
    this.accounts = accounts;
  }

  @Serdeable
  record AccountForm(@Nullable String username, @Nullable Role role, @Nullable String reason) {}

  @Serdeable
  record TokenForm(
      @Nullable String name, @Nullable Integer expiresInDays, @Nullable String reason) {}

  @Get
  List<ServiceAccounts.Account> list() {
    return accounts.list();
  }

  @Post
  @Status(HttpStatus.CREATED)
  UserView create(@Body AccountForm form) {
    return accounts.create(form.username(), form.role(), form.reason());
  }

  @Get("/{username}/tokens")
  List<TokenView> tokens(String username) {
    return accounts.tokens(username);
  }

  /** The only answer that carries the secret: not to be cached by anything on the way. */
  @Post("/{username}/tokens")
  HttpResponse<ServiceAccounts.Issued> issue(String username, @Body TokenForm form) {
    var issued = accounts.issue(username, form.name(), form.expiresInDays(), form.reason());
    return HttpResponse.<ServiceAccounts.Issued>status(HttpStatus.CREATED)
        .body(issued)
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Delete("/{username}/tokens/{id}")
  TokenView revoke(String username, long id, @Nullable @QueryValue String reason) {
    return accounts.revoke(username, id, reason);
  }
}
