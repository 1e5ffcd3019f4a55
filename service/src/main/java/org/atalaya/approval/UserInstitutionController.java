package org.atalaya.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import org.atalaya.security.Role;
import org.atalaya.security.UserInstitutions;

/**
 * The institution a person works for, which the "other-institution" validation rule compares with
 * the institution that reported the figures. Administrators set it; null means none.
 */
@Controller("/api/users/{username}/institution")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Aprobación")
@Secured(Role.ADMIN_NAME)
class UserInstitutionController {
  private final UserInstitutions institutions;

  UserInstitutionController(UserInstitutions institutions) {
    this.institutions = institutions;
  }

  @Serdeable
  record Membership(@Nullable String institution) {}

  @Get
  Membership show(String username) throws SQLException {
    return new Membership(institutions.of(username));
  }

  @Put
  Membership change(String username, @Body Membership body) throws SQLException {
    return new Membership(institutions.set(username, body.institution(), null));
  }
}
