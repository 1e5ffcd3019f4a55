package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.sql.SQLException;
import org.atalaya.shared.Messages;

/**
 * The audit trail, read-only for everyone. Administrators read it; so does the committee, whose job
 * is to check who changed the figures it approves. Analysts, whose writes it records, do not.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auditoría")
class AuditController {
  private final AuditReader reader;
  private final AuditCsv csv;
  private final Messages messages;

  AuditController(AuditReader reader, AuditCsv csv, Messages messages) {
    this.reader = reader;
    this.csv = csv;
    this.messages = messages;
  }

  /**
   * Entries newest first, filtered by entity, key (a trailing {@code *} matches a prefix), actor,
   * action and time range; {@code format=csv} gives the same page as a spreadsheet.
   */
  @Get
  // The role names as security spells them (Role.ADMIN_NAME, Role.COMMITTEE_NAME): security writes
  // the audit log, so audit names no type of security's; AuthorisationMatrixTest checks the access.
  @Secured({"ADMIN", "COMMITTEE"})
  HttpResponse<?> list(
      HttpRequest<?> request,
      @Nullable @QueryValue String entity,
      @Nullable @QueryValue String key,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @QueryValue(defaultValue = "1") int page,
      @QueryValue(defaultValue = "50") int size,
      @Nullable @QueryValue String format)
      throws SQLException, IOException {
    AuditReader.Page found = reader.search(entity, key, actor, action, from, to, page, size);
    if ("csv".equalsIgnoreCase(format)) {
      return HttpResponse.ok(csv.write(found, messages.locale(request)))
          .contentType("text/csv; charset=UTF-8")
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"auditoria.csv\"");
    }
    return HttpResponse.ok(found);
  }
}
