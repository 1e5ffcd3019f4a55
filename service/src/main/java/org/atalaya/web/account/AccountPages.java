package org.atalaya.web.account;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atalaya.security.OwnAccount;
import org.atalaya.security.Passwords;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;

/**
 * One's own account: who one is signed in as, with which role and for which institution, and a form
 * to change one's password (the current one, the new one twice), under the API's rules. A done
 * change redirects back with a notice (post/redirect/get); a refused one comes back with the reason
 * beside each field.
 */
@Controller("/cuenta")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AccountPages {
  private final Pages pages;
  private final OwnAccount accounts;

  AccountPages(Pages pages, OwnAccount accounts) {
    this.pages = pages;
    this.accounts = accounts;
  }

  /**
   * @param errors the reason for each refused field ("current", "next", "repeated"), in words
   */
  public record AccountView(
      String username,
      String role,
      @Nullable String institution,
      boolean serviceAccount,
      @Nullable String notice,
      Map<String, String> errors,
      int passwordMin) {
    public @Nullable String error(String field) {
      return errors.get(field);
    }
  }

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PasswordForm(@Nullable String current, @Nullable String next, @Nullable String repeated) {}

  @Get
  HttpResponse<String> show(
      HttpRequest<?> request, Authentication who, @Nullable @QueryValue String aviso)
      throws SQLException {
    String notice = "clave".equals(aviso) ? pages.text(request, "account.changed") : null;
    return page(request, who, HttpStatus.OK, notice, Map.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> changePassword(
      HttpRequest<?> request, Authentication who, @Body PasswordForm form) throws SQLException {
    try {
      accounts.changePassword(who.getName(), form.current(), form.next(), form.repeated());
      return HttpResponse.seeOther(URI.create("/cuenta?aviso=clave"));
    } catch (ApiException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      if (e.fieldErrors().isEmpty()) {
        errors.put("current", pages.text(request, e.key(), e.args()));
      }
      for (var f : e.fieldErrors()) {
        errors.putIfAbsent(f.field(), pages.text(request, "violation." + f.code(), f.args()));
      }
      return page(request, who, e.status(), null, errors);
    }
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      Authentication who,
      HttpStatus status,
      @Nullable String notice,
      Map<String, String> errors)
      throws SQLException {
    var a = accounts.show(who.getName());
    var body =
        new AccountView(
            a.username(),
            a.role().name(),
            a.institution(),
            a.serviceAccount(),
            notice,
            errors,
            Passwords.MIN_LENGTH);
    return pages.render(status, "account", request, body);
  }
}
