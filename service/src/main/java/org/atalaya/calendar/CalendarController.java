package org.atalaya.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.time.LocalDate;
import org.atalaya.security.Role;
import org.atalaya.shared.Dates;

/**
 * The data calendar for API clients: expected, received, validated and late deliveries, the
 * completeness per institution and month; the administrator sends the e-mail reminders now.
 */
@Controller("/api/calendar")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Calendario de datos")
class CalendarController {
  private final CalendarService calendar;
  private final Reminders reminders;

  CalendarController(CalendarService calendar, Reminders reminders) {
    this.calendar = calendar;
    this.reminders = reminders;
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  DataCalendar calendar(
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue String institution,
      @Nullable @QueryValue String indicator)
      throws SQLException {
    return calendar.calendar(LocalDate.now(Dates.ZONE), from, institution, indicator);
  }

  @Post("/reminders")
  @Secured(Role.ADMIN_NAME)
  Reminders.Outcome remind() throws SQLException {
    return reminders.send(LocalDate.now(Dates.ZONE));
  }
}
