package org.atalaya.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;

/**
 * Validation of an indicator's figures for a period. Any signed-in person reaches the routes; the
 * service decides who validates under {@code atalaya.approval.validators} (403 naming the rule).
 */
@Controller("/api/indicators/{code}/periods/{period}/validation")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Aprobación")
class ApprovalController {
  private final PeriodValidation validation;

  ApprovalController(PeriodValidation validation) {
    this.validation = validation;
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  PeriodValidation.Status status(String code, String period) throws SQLException {
    return validation.status(code, period);
  }

  /** Validates the period's provisional figures (or those of one source or territory). */
  @Post
  @Secured(SecurityRule.IS_AUTHENTICATED)
  PeriodValidation.Status validate(
      Authentication auth,
      String code,
      String period,
      @Nullable @Body PeriodValidation.Request request)
      throws SQLException {
    return validation.validate(
        code, period, request == null ? PeriodValidation.Request.whole() : request, auth);
  }

  /** Takes a mistaken validation back, before the period is published. */
  @Delete
  @Secured(SecurityRule.IS_AUTHENTICATED)
  PeriodValidation.Status withdraw(
      Authentication auth,
      String code,
      String period,
      @Nullable @QueryValue String source,
      @Nullable @QueryValue String territory,
      @Nullable @QueryValue String reason)
      throws SQLException {
    return validation.withdraw(
        code, period, new PeriodValidation.Request(source, territory, reason), auth);
  }
}
