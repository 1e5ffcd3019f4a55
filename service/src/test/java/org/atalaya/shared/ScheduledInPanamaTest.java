package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.scheduling.cron.CronExpression;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The daily jobs run at their hour in Panama, not in the server's zone: servers run in UTC, where
 * "7 in the morning" for the reminders was 2 at night in Panama and the 02:30 backup ran at 21:30,
 * in the evening's work. Read as Micronaut's scheduler reads the annotation (a blank zone is the
 * JVM's default one), with the default cron of application.yml.
 */
class ScheduledInPanamaTest {
  @ParameterizedTest
  @CsvSource({
    "org.atalaya.calendar.Reminders, everyMorning, 0 0 7 * * *, 2026-12-08T07:00-05:00",
    "org.atalaya.backup.ScheduledBackups, backUp, 0 30 2 * * *, 2026-12-08T02:30-05:00"
  })
  void aDailyJobRunsAtItsHourInPanama(String job, String method, String cron, String next)
      throws Exception {
    Scheduled scheduled =
        Class.forName(job).getDeclaredMethod(method).getAnnotation(Scheduled.class);
    assertThat(scheduled.cron()).endsWith(":" + cron + "}");
    ZoneId zone =
        scheduled.zoneId().isBlank() ? ZoneId.systemDefault() : ZoneId.of(scheduled.zoneId());

    // Monday 7 December 2026, 17:00 in Panama: 22:00 UTC.
    ZonedDateTime now = ZonedDateTime.parse("2026-12-07T22:00Z").withZoneSameInstant(zone);
    assertThat(CronExpression.create(cron).nextTimeAfter(now).toInstant())
        .isEqualTo(OffsetDateTime.parse(next).toInstant());
  }
}
