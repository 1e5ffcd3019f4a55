package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
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

/** Validation of a survey wave's estimates, the step before its publication. */
@Controller("/api/surveys/{code}/waves/{wave}/validation")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Aprobación")
@Secured(SecurityRule.IS_AUTHENTICATED)
class WaveApprovalController {
  private final WaveApproval waves;

  WaveApprovalController(WaveApproval waves) {
    this.waves = waves;
  }

  @Get
  WaveApproval.WaveStatus status(String code, String wave) throws SQLException {
    return waves.status(code, wave);
  }

  @Post
  WaveApproval.WaveStatus validate(
      Authentication auth, String code, String wave, @Nullable @QueryValue String reason)
      throws SQLException {
    return waves.validate(code, wave, auth, reason);
  }

  @Delete
  WaveApproval.WaveStatus withdraw(
      Authentication auth, String code, String wave, @Nullable @QueryValue String reason)
      throws SQLException {
    return waves.withdraw(code, wave, auth, reason);
  }
}
