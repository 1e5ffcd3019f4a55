package org.atalaya.web.execution;

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
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.atalaya.execution.Execution;
import org.atalaya.execution.PartKind;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.web.Pages;

/**
 * Where analysts record what was done of a card's or project's activities and what was spent: one
 * form per activity, one for a new activity, one for a quarter's money. Each post is checked by
 * {@link Execution} (the API's rules), then redirects back (post/redirect/get), or shows the page
 * again with each problem beside its field and what was typed kept.
 */
@Controller("/planes/{plan}/{kind}/{code}/ejecucion")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class ExecutionPages {
  private final Pages pages;
  private final Execution execution;

  ExecutionPages(Pages pages, Execution execution) {
    this.pages = pages;
    this.execution = execution;
  }

  @Get
  HttpResponse<String> page(
      HttpRequest<?> request,
      String plan,
      String kind,
      String code,
      @Nullable @QueryValue String guardado)
      throws SQLException {
    var saved = guardado == null ? null : pages.text(request, "web.execution.saved");
    return render(request, HttpStatus.OK, plan, kind(kind), code, EditPage.Edit.none(), saved);
  }

  @Post(value = "/actividades", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> add(
      HttpRequest<?> request, String plan, String kind, String code, @Body Map<String, String> form)
      throws SQLException {
    PartKind k = kind(kind);
    var parsed = FormFields.activity(form, pages.locale(request));
    try {
      if (parsed.errors().isEmpty()) {
        execution.addActivity(plan, k, code, parsed.value());
        return back(plan, k, code);
      }
    } catch (ApiException e) {
      parsed = parsed.with(errors(e, pages.locale(request)));
    }
    var edit = new EditPage.Edit(null, form, parsed.errors());
    return render(request, HttpStatus.UNPROCESSABLE_ENTITY, plan, k, code, edit, null);
  }

  @Post(value = "/actividades/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> change(
      HttpRequest<?> request,
      String plan,
      String kind,
      String code,
      long id,
      @Body Map<String, String> form)
      throws SQLException {
    PartKind k = kind(kind);
    var parsed = FormFields.activity(form, pages.locale(request));
    try {
      if (parsed.errors().isEmpty()) {
        execution.changeActivity(plan, k, code, id, parsed.value());
        return back(plan, k, code);
      }
    } catch (ApiException e) {
      parsed = parsed.with(errors(e, pages.locale(request)));
    }
    var edit = new EditPage.Edit(id, form, parsed.errors());
    return render(request, HttpStatus.UNPROCESSABLE_ENTITY, plan, k, code, edit, null);
  }

  @Post(value = "/presupuesto", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> budget(
      HttpRequest<?> request, String plan, String kind, String code, @Body Map<String, String> form)
      throws SQLException {
    PartKind k = kind(kind);
    var parsed = FormFields.budget(form, pages.locale(request));
    try {
      if (parsed.errors().isEmpty()) {
        execution.saveBudget(plan, k, code, parsed.value());
        return back(plan, k, code);
      }
    } catch (ApiException e) {
      parsed = parsed.with(errors(e, pages.locale(request)));
    }
    var edit = new EditPage.Edit(-1L, form, parsed.errors());
    return render(request, HttpStatus.UNPROCESSABLE_ENTITY, plan, k, code, edit, null);
  }

  private HttpResponse<String> render(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      PartKind kind,
      String code,
      EditPage.Edit edit,
      @Nullable String saved)
      throws SQLException {
    Locale locale = pages.locale(request);
    Execution.Part part = execution.part(plan, kind, code, true, null);
    String publicUrl = "/planes/" + plan + "/" + kind.slug() + "/" + code;
    var body = EditPage.of(part, publicUrl, edit, saved, locale);
    return pages.render(status, "execution/edit", request, body);
  }

  private static Map<String, String> errors(ApiException e, Locale locale) {
    var out = new java.util.LinkedHashMap<String, String>();
    for (ApiException.FieldError f : e.fieldErrors()) {
      out.merge(
          f.field(),
          Messages.format(locale, "violation." + f.code(), f.args()),
          (a, b) -> a + "; " + b);
    }
    if (out.isEmpty()) {
      out.put("", Messages.format(locale, e.key(), e.args()));
    }
    return out;
  }

  private static HttpResponse<String> back(String plan, PartKind kind, String code) {
    return HttpResponse.<String>status(HttpStatus.SEE_OTHER)
        .headers(
            h ->
                h.location(
                    URI.create(
                        "/planes/"
                            + plan
                            + "/"
                            + kind.slug()
                            + "/"
                            + code
                            + "/ejecucion?guardado=1")));
  }

  private static PartKind kind(String slug) {
    return PartKind.ofSlug(slug).orElseThrow(() -> ApiException.notFound("action", slug));
  }
}
