package org.atalaya.institution;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.atalaya.audit.AuditLog;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/** Plain CRUD: no service in between (the repository and the audit log are enough). */
@Controller("/api/institutions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Instituciones")
class InstitutionController {
  private final InstitutionRepository institutions;
  private final AuditLog audit;

  InstitutionController(InstitutionRepository institutions, AuditLog audit) {
    this.institutions = institutions;
    this.audit = audit;
  }

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<Institution> list() {
    return institutions.listOrderByCode();
  }

  @Get("/{code}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Institution get(String code) {
    return require(code);
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Transactional
  Institution create(@Body @Valid Institution form) {
    if (institutions.findByCode(form.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", form.code());
    }
    Institution saved = institutions.save(form.withId(null));
    audit.created("institution", saved.code(), saved);
    return saved;
  }

  @Put("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Transactional
  Institution update(String code, @Body @Valid Institution form) {
    Institution before = require(code);
    if (!before.code().equals(form.code())) {
      throw ApiException.invalid("code", "format", code);
    }
    Institution after = institutions.update(form.withId(before.id()));
    audit.updated("institution", code, before, after);
    return after;
  }

  @Delete("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Transactional
  HttpResponse<Void> delete(String code) {
    Institution before = require(code);
    if (institutions.isReferenced(before.id())) {
      throw ApiException.conflict("code", "inUse", code);
    }
    institutions.delete(before);
    audit.deleted("institution", code, before);
    return HttpResponse.noContent();
  }

  private Institution require(String code) {
    return institutions
        .findByCode(code)
        .orElseThrow(() -> ApiException.notFound("institution", code));
  }
}
