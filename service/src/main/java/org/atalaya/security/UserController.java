package org.atalaya.security;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Usuarios")
class UserController {
  private final UserAdministration administration;
  private final OwnAccount account;

  UserController(UserAdministration administration, OwnAccount account) {
    this.administration = administration;
    this.account = account;
  }

  @Serdeable
  record UserForm(
      @NotBlank @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
      @NotBlank @Size(min = Passwords.MIN_LENGTH, max = 200) String password,
      @NotNull Role role) {}

  @Serdeable
  record Me(String username, Collection<String> roles) {}

  @Get("/users")
  @Secured(Role.ADMIN_NAME)
  List<UserView> list() {
    return administration.list();
  }

  @Post("/users")
  @Status(HttpStatus.CREATED)
  @Secured(Role.ADMIN_NAME)
  UserView create(@Body @Valid UserForm form) {
    return administration.create(form.username(), form.password(), form.role());
  }

  @Serdeable
  record PasswordChange(
      @NotBlank String current,
      @NotBlank @Size(min = Passwords.MIN_LENGTH, max = 200) String next) {}

  /** Anyone signed in changes their own password, proving they know the current one. */
  @Put("/me/password")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<Void> changePassword(
      Authentication authentication, @Body @Valid PasswordChange form) {
    account.changePassword(authentication.getName(), form.current(), form.next(), null);
    return HttpResponse.noContent();
  }

  @Get("/me")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  Me me(Authentication authentication) {
    return new Me(authentication.getName(), authentication.getRoles());
  }
}
