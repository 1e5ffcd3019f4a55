package org.atalaya.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.institution.InstitutionRepository;
import org.atalaya.security.Role;
import org.atalaya.security.ServiceAccounts;
import org.atalaya.security.TokenView;
import org.atalaya.security.UserAdministration;
import org.atalaya.security.UserInstitutions;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Dates;
import org.atalaya.web.Pages;

/** Builds the administration pages' records from the services the API uses. */
@Singleton
class AdminViews {
  static final List<Role> LEAST_PRIVILEGED_FIRST =
      List.of(Role.COMMITTEE, Role.ANALYST, Role.ADMIN);

  private final UserAdministration users;
  private final ServiceAccounts accounts;
  private final Pages pages;
  private final UserInstitutions memberships;
  private final InstitutionRepository institutions;

  AdminViews(
      UserAdministration users,
      ServiceAccounts accounts,
      Pages pages,
      UserInstitutions memberships,
      InstitutionRepository institutions) {
    this.memberships = memberships;
    this.institutions = institutions;
    this.users = users;
    this.accounts = accounts;
    this.pages = pages;
  }

  UsersPage users(
      HttpRequest<?> request, List<String> errors, @Nullable String notice, UsersPage.Draft draft) {
    Locale locale = pages.locale(request);
    Map<String, String> memberOf = memberOf();
    var rows =
        users.list().stream()
            .map(
                u ->
                    new UsersPage.UserRow(
                        u.username(),
                        u.role().name(),
                        u.enabled(),
                        u.locked(),
                        u.serviceAccount(),
                        date(u.createdAt(), locale),
                        memberOf.get(u.username())))
            .toList();
    var service =
        accounts.list().stream()
            .map(
                a ->
                    new UsersPage.AccountRow(
                        a.account().username(),
                        a.account().role().name(),
                        a.account().enabled(),
                        a.tokens().stream().map(t -> token(t, locale)).toList()))
            .toList();
    // Least privileged first: a new account is a committee member unless the administrator says
    // otherwise, never an administrator by default.
    List<String> roles = LEAST_PRIVILEGED_FIRST.stream().map(Role::name).toList();
    List<String> serviceRoles = roles.stream().filter(r -> !r.equals(Role.ADMIN_NAME)).toList();
    return new UsersPage(
        rows,
        service,
        roles,
        serviceRoles,
        institutions.listOrderByCode().stream()
            .map(i -> new UsersPage.Option(i.code(), i.name()))
            .toList(),
        errors,
        notice,
        draft,
        ServiceAccounts.DEFAULT_DAYS,
        ServiceAccounts.MAX_DAYS);
  }

  private static UsersPage.TokenRow token(TokenView t, Locale locale) {
    return new UsersPage.TokenRow(
        t.id(),
        t.name(),
        t.createdBy(),
        date(t.createdAt(), locale),
        date(t.expiresAt(), locale),
        date(t.lastUsedAt(), locale),
        t.state().name(),
        t.active(),
        t.revokedBy(),
        t.revokeReason());
  }

  private Map<String, String> memberOf() {
    try {
      return memberships.all();
    } catch (SQLException e) {
      throw new DataAccessException("reading institutions of users", e);
    }
  }

  Locale locale(HttpRequest<?> request) {
    return pages.locale(request);
  }

  io.micronaut.http.MutableHttpResponse<String> render(
      HttpStatus status, String view, HttpRequest<?> request, Object body) {
    return pages.render(status, view, request, body);
  }

  /** Each refused field as "Field: what is wrong", in the reader's language. */
  List<String> errors(HttpRequest<?> request, ApiException e) {
    List<String> texts = new ArrayList<>();
    if (e.fieldErrors().isEmpty()) {
      texts.add(pages.text(request, e.key(), e.args()));
    }
    for (var f : e.fieldErrors()) {
      texts.add(
          pages.text(request, "admin.field." + f.field())
              + ": "
              + pages.text(request, "violation." + f.code(), f.args()));
    }
    return texts;
  }

  static String date(@Nullable Instant at, Locale locale) {
    return Dates.moment(at, locale);
  }

  static @Nullable Role role(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Role.valueOf(text.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "role", "enumValue", text, String.join(", ", List.of("ADMIN", "ANALYST", "COMMITTEE")));
    }
  }
}
