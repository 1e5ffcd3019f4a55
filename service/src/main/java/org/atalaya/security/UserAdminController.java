package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Administrators change a user's role, disable or re-enable them, and reset a forgotten password. A
 * disabled user, or one whose role changed, loses the tokens they hold at once.
 */
@Controller("/api/users/{username}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
@Tag(name = "Usuarios")
class UserAdminController {
  private final UserAdministration users;

  UserAdminController(UserAdministration users) {
    this.users = users;
  }

  @Serdeable
  record UserChange(
      @NotNull Role role, boolean enabled, @Nullable @Size(max = 500) String reason) {}

  @Serdeable
  record PasswordReset(
      @NotBlank @Size(min = Passwords.MIN_LENGTH, max = 200) String password,
      @Nullable @Size(max = 500) String reason) {}

  @Put
  UserView change(String username, @Body @Valid UserChange change) {
    return users.change(username, change.role(), change.enabled(), change.reason());
  }

  @Put("/password")
  HttpResponse<Void> resetPassword(String username, @Body @Valid PasswordReset reset) {
    users.resetPassword(username, reset.password(), reset.reason());
    return HttpResponse.noContent();
  }
}
