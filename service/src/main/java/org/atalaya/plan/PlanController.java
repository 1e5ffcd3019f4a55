package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.List;
import org.atalaya.plan.PlanDocuments.Format;
import org.atalaya.plan.PlanService.PlanSummary;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/** Plans as wholes. The public reads published plans; signed-in staff read every plan. */
@Controller("/api/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Planes")
class PlanController {
  private final PlanService plans;
  private final PlanChanges changes;
  private final Validator validator;

  PlanController(PlanService plans, PlanChanges changes, Validator validator) {
    this.plans = plans;
    this.changes = changes;
    this.validator = validator;
  }

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<PlanSummary> list(@Nullable Authentication auth) {
    return plans.list(auth != null);
  }

  /** The whole plan: header, axes with their action cards, priority projects. */
  @Get("/{code}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  PlanDocument get(String code, @Nullable Authentication auth) {
    return plans.document(code, auth != null);
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  PlanSummary create(@Body @Valid PlanDocument.Header header) {
    return plans.create(header);
  }

  @Put("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> update(
      String code, @Body @Valid PlanDocument.Header header, Authentication auth) {
    return PlanChanges.respond(
        changes.write(code, () -> plans.update(code, header, isAdmin(auth))), HttpStatus.OK);
  }

  @Delete("/{code}")
  @Secured(Role.ADMIN_NAME)
  HttpResponse<Void> delete(String code) {
    plans.delete(code);
    return HttpResponse.noContent();
  }

  /** The plan as one YAML (default) or JSON document, to keep, share or import elsewhere. */
  private static boolean isAdmin(Authentication auth) {
    return auth.getRoles().contains(Role.ADMIN_NAME);
  }

  @Get("/{code}/export")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<String> export(
      String code,
      @QueryValue(defaultValue = "yaml") String format,
      @Nullable Authentication auth) {
    Format f =
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
          case "yaml", "yml" -> Format.YAML;
          case "json" -> Format.JSON;
          default -> throw ApiException.invalid("format", "format", "yaml | json");
        };
    String body = PlanDocuments.write(plans.export(code, auth != null), f);
    return HttpResponse.ok(body)
        .contentType(f.mediaType + ";charset=utf-8")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + code + "." + f.extension + "\"");
  }

  /**
   * Imports a plan document (YAML or JSON after Content-Type). All or nothing; an existing plan is
   * replaced only with {@code replace=true}.
   */
  @Post(
      value = "/import",
      consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json"})
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> importDocument(
      @Body byte[] content,
      @Header(HttpHeaders.CONTENT_TYPE) String contentType,
      @QueryValue(defaultValue = "false") boolean replace,
      Authentication auth) {
    PlanDocument doc = PlanDocuments.read(content, Format.fromMediaType(contentType));
    var violations = validator.validate(doc);
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    if (!replace || !plans.exists(doc.plan().code())) {
      return HttpResponse.status(HttpStatus.CREATED)
          .body(plans.importDocument(doc, replace, isAdmin(auth)));
    }
    return PlanChanges.respond(
        changes.write(doc.plan().code(), () -> plans.importDocument(doc, replace, isAdmin(auth))),
        HttpStatus.CREATED);
  }
}
