package org.atalaya.web.authoring;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.atalaya.plan.PlanAuthoring;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.Header;
import org.atalaya.plan.PlanStatus;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;
import org.atalaya.web.authoring.PlanEditPage.HeaderForm;

/**
 * A plan made in the browser: a new plan (it starts with the guide's five axes), its header, its
 * axes (add, rename, move, remove) and the list of its cards to write or edit. A published plan's
 * changes become one proposal, linked from the page.
 */
@Controller("/planes")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class PlanEditPages {
  private static final Set<String> HEADER_FIELDS =
      Set.of("code", "name", "territory", "periodStart", "periodEnd", "description");
  private static final Set<String> AXIS_FIELDS = Set.of("code", "name", "description");

  private final Pages pages;
  private final PlanAuthoring authoring;
  private final FormErrors errors;

  PlanEditPages(Pages pages, PlanAuthoring authoring, FormErrors errors) {
    this.pages = pages;
    this.authoring = authoring;
    this.errors = errors;
  }

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AxisForm(@Nullable String code, @Nullable String name, @Nullable String description) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MoveForm(@Nullable Integer by) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StatusForm(@Nullable String status) {}

  @Get("/nuevo")
  HttpResponse<String> newPlan(HttpRequest<?> request) {
    return newPage(request, HttpStatus.OK, HeaderForm.blank(), Map.of(), List.of());
  }

  @Post(value = "/nuevo", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> create(HttpRequest<?> request, @Body HeaderForm form) {
    Map<String, String> unreadable = unreadable(request, form);
    try {
      Header header = header(form, null, null);
      if (!unreadable.isEmpty()) {
        authoring.check(header);
        throw new ConstraintViolationException(Set.of());
      }
      var created = authoring.create(header);
      return HttpResponse.seeOther(UriBuilder.of("/planes/" + created.code() + "/editar").build());
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, HEADER_FIELDS);
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      byField.putAll(unreadable);
      return newPage(request, status(e), form, byField, sorted.general());
    }
  }

  @Get("/{plan}/editar")
  HttpResponse<String> edit(
      HttpRequest<?> request, String plan, @Nullable @QueryValue String guardada) {
    PlanDocument doc = authoring.working(plan);
    String notice = guardada == null ? null : pages.text(request, "authoring.saved");
    return hub(request, HttpStatus.OK, plan, HeaderForm.of(doc.plan()), notice, Problems.NONE);
  }

  @Post(value = "/{plan}/editar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> saveHeader(
      HttpRequest<?> request, String plan, Authentication auth, @Body HeaderForm form) {
    PlanDocument doc = authoring.working(plan);
    Map<String, String> unreadable = unreadable(request, form);
    boolean admin = auth.getRoles().contains(Role.ADMIN_NAME);
    try {
      Header header = header(form, plan, doc.plan().status());
      if (!unreadable.isEmpty()) {
        authoring.check(header);
        throw new ConstraintViolationException(Set.of());
      }
      return done(plan, authoring.saveHeader(plan, header, admin));
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, HEADER_FIELDS);
      Map<String, String> byField = new LinkedHashMap<>(sorted.byField());
      byField.putAll(unreadable);
      return hub(
          request,
          status(e),
          plan,
          form,
          null,
          new Problems(byField, sorted.general(), Map.of(), List.of()));
    }
  }

  /**
   * An administrator approves a draft (the committee's agreement), publishes an approved plan, or
   * takes it back to draft; once published, the plan's changes go through proposals.
   */
  @Post(value = "/{plan}/estado", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(Role.ADMIN_NAME)
  HttpResponse<?> changeStatus(HttpRequest<?> request, String plan, @Body StatusForm form) {
    PlanDocument doc = authoring.working(plan);
    Header h = doc.plan();
    PlanStatus to =
        Arrays.stream(PlanStatus.values())
            .filter(s -> s.name().equals(form.status()))
            .findFirst()
            .orElse(h.status());
    Header next =
        new Header(
            h.code(), h.name(), h.territory(), h.periodStart(), h.periodEnd(), to, h.description());
    try {
      return done(plan, authoring.saveHeader(plan, next, true));
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, Set.of());
      return hub(
          request,
          status(e),
          plan,
          HeaderForm.of(h),
          null,
          new Problems(Map.of(), sorted.general(), Map.of(), List.of()));
    }
  }

  @Post(value = "/{plan}/ejes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> addAxis(HttpRequest<?> request, String plan, @Body AxisForm form) {
    return axisWrite(
        request,
        plan,
        form,
        () -> authoring.saveAxis(plan, null, axisDoc(form, form.code(), null)));
  }

  @Post(value = "/{plan}/ejes/{axis}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> renameAxis(
      HttpRequest<?> request, String plan, String axis, @Body AxisForm form) {
    AxisDoc current =
        authoring.working(plan).axes().stream()
            .filter(a -> a.code().equals(axis))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("axis", axis));
    return axisWrite(
        request,
        plan,
        null,
        () -> authoring.saveAxis(plan, axis, axisDoc(form, axis, current.standard())));
  }

  @Post(value = "/{plan}/ejes/{axis}/mover", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> moveAxis(HttpRequest<?> request, String plan, String axis, @Body MoveForm form) {
    int by = form.by() == null ? 0 : form.by();
    return axisWrite(request, plan, null, () -> authoring.moveAxis(plan, axis, by));
  }

  @Post(value = "/{plan}/ejes/{axis}/borrar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> deleteAxis(HttpRequest<?> request, String plan, String axis) {
    return axisWrite(request, plan, null, () -> authoring.deleteAxis(plan, axis));
  }

  @Post(value = "/{plan}/fichas/{card}/borrar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> deleteCard(HttpRequest<?> request, String plan, String card) {
    return axisWrite(request, plan, null, () -> authoring.deleteCard(plan, card));
  }

  private HttpResponse<?> axisWrite(
      HttpRequest<?> request, String plan, @Nullable AxisForm typed, Supplier<Optional<Change>> w) {
    try {
      return done(plan, w.get());
    } catch (ApiException | ConstraintViolationException e) {
      var sorted = errors.sort(request, e, typed == null ? Set.of() : AXIS_FIELDS);
      var problems = new Problems(Map.of(), List.of(), sorted.byField(), sorted.general());
      PlanDocument doc = authoring.working(plan);
      return hub(request, status(e), plan, HeaderForm.of(doc.plan()), null, problems, typed);
    }
  }

  private static HttpResponse<?> done(String plan, Optional<Change> proposed) {
    return HttpResponse.seeOther(
        proposed
            .map(c -> UriBuilder.of("/planes/" + plan + "/cambios/" + c.id()).build())
            .orElseGet(
                () ->
                    UriBuilder.of("/planes/" + plan + "/editar")
                        .queryParam("guardada", "1")
                        .build()));
  }

  record Problems(
      Map<String, String> header,
      List<String> headerGeneral,
      Map<String, String> axis,
      List<String> axisGeneral) {
    static final Problems NONE = new Problems(Map.of(), List.of(), Map.of(), List.of());
  }

  private HttpResponse<String> hub(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      HeaderForm header,
      @Nullable String notice,
      Problems problems) {
    return hub(request, status, plan, header, notice, problems, null);
  }

  private HttpResponse<String> hub(
      HttpRequest<?> request,
      HttpStatus status,
      String plan,
      HeaderForm header,
      @Nullable String notice,
      Problems problems,
      @Nullable AxisForm typed) {
    PlanDocument doc = authoring.working(plan);
    var axes =
        doc.axes().stream()
            .map(
                a ->
                    new PlanEditPage.AxisRow(
                        a.code(),
                        a.name(),
                        a.description(),
                        a.actionCards().stream()
                            .map(c -> new PlanEditPage.CardRow(c.code(), c.title()))
                            .toList()))
            .toList();
    var body =
        new PlanEditPage(
            plan,
            doc.plan().name(),
            doc.plan().status().name(),
            authoring.controlled(plan),
            authoring.openChange(plan).map(Change::id).orElse(null),
            notice,
            header,
            problems.header(),
            problems.headerGeneral(),
            axes,
            typed == null
                ? new PlanEditPage.NewAxis(null, null, null)
                : new PlanEditPage.NewAxis(typed.code(), typed.name(), typed.description()),
            problems.axis(),
            problems.axisGeneral(),
            doc.projects().stream()
                .map(p -> new PlanEditPage.CardRow(p.code(), p.name()))
                .toList());
    return pages.render(status, "authoring/plan", request, body);
  }

  private HttpResponse<String> newPage(
      HttpRequest<?> request,
      HttpStatus status,
      HeaderForm form,
      Map<String, String> byField,
      List<String> general) {
    var body = new PlanEditPage.NewPlan(form, byField, general);
    return pages.render(status, "authoring/new", request, body);
  }

  private Map<String, String> unreadable(HttpRequest<?> request, HeaderForm form) {
    Map<String, String> out = new LinkedHashMap<>();
    if (date(form.periodStart()) == BAD) {
      out.put("periodStart", pages.text(request, "authoring.error.date"));
    }
    if (date(form.periodEnd()) == BAD) {
      out.put("periodEnd", pages.text(request, "authoring.error.date"));
    }
    return out;
  }

  private static Header header(HeaderForm f, @Nullable String code, @Nullable PlanStatus status) {
    LocalDate start = date(f.periodStart());
    LocalDate end = date(f.periodEnd());
    return new Header(
        code != null ? code : text(f.code()),
        text(f.name()),
        text(f.territory()),
        start == BAD ? null : start,
        end == BAD ? null : end,
        status,
        text(f.description()));
  }

  private static AxisDoc axisDoc(
      AxisForm f, String code, @Nullable org.atalaya.plan.StandardAxis standard) {
    return new AxisDoc(text(code), text(f.name()), standard, text(f.description()), List.of());
  }

  private static final LocalDate BAD = LocalDate.MIN;

  private static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return BAD;
    }
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static HttpStatus status(RuntimeException e) {
    return e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
  }
}
