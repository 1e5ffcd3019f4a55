package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.atalaya.shared.Messages;
import org.atalaya.web.dashboard.Dashboard;
import org.atalaya.web.dashboard.Dashboards;
import org.atalaya.web.dashboard.PageKind;

/**
 * Builds pages: {@link #view} for a controller to return, {@link #render} for an HTML string with
 * any status (error pages). Both wrap the page's record with the {@link Layout}.
 */
@Singleton
public class Pages {
  private final Messages messages;
  private final Csrf csrf;
  private final ViewsRenderer<Object, HttpRequest<?>> renderer;
  private final java.util.Optional<MenuCount> pending;
  private final RulesInForce rules;
  private final java.util.Optional<LateCount> late;
  private final Dashboards dashboards;

  Pages(
      Dashboards dashboards,
      Messages messages,
      Csrf csrf,
      ViewsRenderer<Object, HttpRequest<?>> renderer,
      java.util.Optional<MenuCount> pending,
      RulesInForce rules,
      java.util.Optional<LateCount> late) {
    this.dashboards = dashboards;
    this.rules = rules;
    this.late = late;
    this.messages = messages;
    this.csrf = csrf;
    this.renderer = renderer;
    this.pending = pending;
  }

  public <T> ModelAndView<Page<T>> view(String template, HttpRequest<?> request, T body) {
    return new ModelAndView<>(template, new Page<>(layout(request), body));
  }

  /** An observatory page laid out by its dashboard file: its template shows the file's panels. */
  public <T> ModelAndView<Page<T>> view(PageKind kind, HttpRequest<?> request, T body) {
    return new ModelAndView<>(
        kind.template(), new Page<>(layout(request), body, dashboards.of(kind)));
  }

  /** The panels a page shows, for a controller that computes only what they need. */
  public Dashboard dashboard(PageKind kind) {
    return dashboards.of(kind);
  }

  public MutableHttpResponse<String> render(
      HttpStatus status, String template, HttpRequest<?> request, Object body) {
    StringWriter out = new StringWriter();
    try {
      renderer.render(template, new Page<>(layout(request), body), request).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
        .body(out.toString());
  }

  public Locale locale(HttpRequest<?> request) {
    return messages.locale(request);
  }

  public String text(HttpRequest<?> request, String key, Object... args) {
    return messages.get(locale(request), key, args);
  }

  public Layout layout(HttpRequest<?> request) {
    Locale locale = locale(request);
    String lang = "en".equals(locale.getLanguage()) ? "en" : "es";
    Authentication auth = currentUser(request);
    String role = auth == null ? null : auth.getRoles().stream().findFirst().orElse(null);
    String path = request.getUri().getRawPath();
    String query = request.getUri().getRawQuery();
    return new Layout(
        lang,
        lang.equals("en") ? "es" : "en",
        SafePaths.orHome(query == null ? path : path + "?" + query),
        auth == null ? null : auth.getName(),
        role,
        csrf.token(request),
        committee(role) ? pending.map(MenuCount::count).orElse(0L) : 0L,
        rules.rules(),
        auth == null ? 0L : late.map(l -> l.late(auth.getName())).orElse(0L));
  }

  private static boolean committee(@Nullable String role) {
    return "COMMITTEE".equals(role) || "ADMIN".equals(role);
  }

  /** The signed-in user of this request, or null for the public. */
  public static @Nullable Authentication currentUser(HttpRequest<?> request) {
    return request.getUserPrincipal(Authentication.class).orElse(null);
  }
}
