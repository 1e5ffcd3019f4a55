package org.atalaya.web.admin;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.atalaya.security.Role;
import org.atalaya.security.UserAdministration;
import org.atalaya.security.UserInstitutions;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;

/**
 * Administrators manage people's accounts: create, enable or disable, change the role, reset a
 * password. The same service as {@code /api/users} checks and audits each change; a refused form
 * comes back with its reasons, a done one redirects to the list with a notice (post/redirect/get).
 */
@Controller("/admin/usuarios")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
class UserPages {
  static final String VIEW = "admin/users";
  private static final Set<String> NOTICES =
      Set.of("creado", "cambiado", "clave", "servicio", "revocado", "institucion");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,80}");

  private final Pages pages;
  private final AdminViews views;
  private final UserAdministration users;
  private final UserInstitutions institutions;

  UserPages(
      Pages pages, AdminViews views, UserAdministration users, UserInstitutions institutions) {
    this.pages = pages;
    this.views = views;
    this.users = users;
    this.institutions = institutions;
  }

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record NewUserForm(
      @Nullable String username,
      @Nullable String password,
      @Nullable String role,
      @Nullable String institution) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record InstitutionForm(@Nullable String institution, @Nullable String reason) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChangeForm(@Nullable String role, @Nullable String enabled, @Nullable String reason) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PasswordForm(@Nullable String password, @Nullable String reason) {}

  @Get
  HttpResponse<String> list(
      HttpRequest<?> request,
      @Nullable @QueryValue String aviso,
      @Nullable @QueryValue String usuario) {
    // The notice names an account only: a crafted link cannot put a sentence of its own here.
    String notice =
        aviso != null
                && NOTICES.contains(aviso)
                && usuario != null
                && NAME.matcher(usuario).matches()
            ? pages.text(request, "admin.notice." + aviso, usuario)
            : null;
    var body = views.users(request, List.of(), notice, UsersPage.Draft.EMPTY);
    return pages.render(HttpStatus.OK, VIEW, request, body);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, @Body NewUserForm form) throws SQLException {
    try {
      // An unknown institution is refused before the account exists: nothing half-made.
      institutions.requireKnown(form.institution());
      var created = users.create(form.username(), form.password(), AdminViews.role(form.role()));
      if (form.institution() != null && !form.institution().isBlank()) {
        institutions.set(created.username(), form.institution(), null);
      }
      return done("creado", created.username());
    } catch (ApiException e) {
      var draft = new UsersPage.Draft(form.username(), form.role(), null, null, form.institution());
      return refused(request, views, e, draft);
    }
  }

  @Post(value = "/{username}/institucion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> institution(HttpRequest<?> request, String username, @Body InstitutionForm form)
      throws SQLException {
    try {
      institutions.set(username, form.institution(), form.reason());
      return done("institucion", username);
    } catch (ApiException e) {
      return refused(request, views, e, UsersPage.Draft.EMPTY);
    }
  }

  @Post(value = "/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> change(HttpRequest<?> request, String username, @Body ChangeForm form) {
    try {
      Role role = AdminViews.role(form.role());
      if (role == null) {
        throw ApiException.invalid("role", "NotNull");
      }
      users.change(username, role, "true".equals(form.enabled()), form.reason());
      return done("cambiado", username);
    } catch (ApiException e) {
      return refused(request, views, e, UsersPage.Draft.EMPTY);
    }
  }

  @Post(value = "/{username}/clave", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> resetPassword(HttpRequest<?> request, String username, @Body PasswordForm form) {
    try {
      users.resetPassword(username, form.password(), form.reason());
      return done("clave", username);
    } catch (ApiException e) {
      return refused(request, views, e, UsersPage.Draft.EMPTY);
    }
  }

  static HttpResponse<?> done(String notice, String username) {
    return HttpResponse.seeOther(
        UriBuilder.of("/admin/usuarios")
            .queryParam("aviso", notice)
            .queryParam("usuario", username)
            .build());
  }

  /** The page again with the reasons; 404 or 409 when the service said so, 422 otherwise. */
  static HttpResponse<String> refused(
      HttpRequest<?> request, AdminViews views, ApiException e, UsersPage.Draft draft) {
    var body = views.users(request, views.errors(request, e), null, draft);
    return views.render(e.status(), VIEW, request, body);
  }
}
