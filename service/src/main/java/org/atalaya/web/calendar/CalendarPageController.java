package org.atalaya.web.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.calendar.Reminders;
import org.atalaya.security.Role;
import org.atalaya.security.UserInstitutions;
import org.atalaya.shared.Dates;
import org.atalaya.web.Pages;

/**
 * The data calendar's page: deliveries by period with their state, completeness per institution and
 * month, and the reminders — what is late for the reader's institution (everyone's when the reader
 * has none); the administrator sends the e-mail reminders now (post/redirect/get).
 */
@Controller("/datos/calendario")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarPageController {
  private final Pages pages;
  private final CalendarPages calendar;
  private final Reminders reminders;
  private final UserInstitutions people;

  CalendarPageController(
      Pages pages, CalendarPages calendar, Reminders reminders, UserInstitutions people) {
    this.pages = pages;
    this.calendar = calendar;
    this.reminders = reminders;
    this.people = people;
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<String> show(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue String institucion,
      @Nullable @QueryValue String indicador,
      @Nullable @QueryValue String desde,
      @Nullable @QueryValue Integer correos,
      @Nullable @QueryValue Integer entregas,
      @Nullable @QueryValue String fallos)
      throws SQLException {
    LocalDate today = LocalDate.now(Dates.ZONE);
    String own = people.of(auth.getName());
    List<Entry> late = reminders.late(today, own);
    boolean admin = auth.getRoles().contains(Role.ADMIN_NAME);
    var chosen =
        new CalendarPages.Chosen(
            today, month(desde), blankToNull(institucion), blankToNull(indicador));
    var reminding = new CalendarPages.Reminding(own, late, admin, reminders.mailConfigured());
    String done = null;
    if (correos != null && entregas != null) {
      done = pages.text(request, "calendar.reminders.sent", correos, entregas);
      if (fallos != null && !fallos.isBlank()) {
        done += " " + pages.text(request, "calendar.reminders.failed", fallos);
      }
    }
    var body = calendar.page(chosen, reminding, done, pages.locale(request));
    return pages.render(HttpStatus.OK, "calendar/calendar", request, body);
  }

  @Post(value = "/recordatorios", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(Role.ADMIN_NAME)
  HttpResponse<?> remind() throws SQLException {
    Reminders.Outcome o = reminders.send(LocalDate.now(Dates.ZONE));
    var uri =
        UriBuilder.of("/datos/calendario")
            .queryParam("correos", o.messages())
            .queryParam("entregas", o.items());
    if (!o.failures().isEmpty()) {
      uri.queryParam("fallos", String.join(", ", o.failures()));
    }
    return HttpResponse.seeOther(uri.build());
  }

  private static @Nullable LocalDate month(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(text.strip()).atDay(1);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
