package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At 23:59:59 on 31 December in Panama it is already 1 January in UTC, where servers and CI run.
 * Every page and file that reads "today" must still say 31 December: the home page, the plan page,
 * the anonymous figures API and the SDMX data file; and a public page kept that evening is computed
 * again two seconds later, on 1 January. The service's clock is stopped at the instant each test
 * sets.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.test.year-end-clock", value = "true")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class LastSecondOfTheYearTest {
  static final String PLAN = "LCH-PISCC-2025";

  /** The last second of this year in Panama (in the future, so every demo figure is before it). */
  static final Instant LAST_SECOND =
      LocalDate.now(Dates.ZONE)
          .withDayOfYear(1)
          .plusYears(1)
          .atStartOfDay(Dates.ZONE)
          .minusSeconds(1)
          .toInstant();

  static final LocalDate NEW_YEARS_EVE = LocalDate.ofInstant(LAST_SECOND, Dates.ZONE);

  /** The service's clock: stopped at the instant a test sets. */
  static final class StoppedClock extends Clock {
    volatile Instant now = LAST_SECOND;

    @Override
    public ZoneId getZone() {
      return Dates.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final StoppedClock CLOCK = new StoppedClock();

  @Factory
  @Requires(property = "atalaya.test.year-end-clock", value = "true")
  static class LastSecond {
    @Singleton
    @Replaces(factory = ObservatoryClock.class, bean = Clock.class)
    Clock lastSecondOfTheYear() {
      return CLOCK;
    }
  }

  @Inject EmbeddedServer server;

  @BeforeEach
  void atTheLastSecondOfTheYear() {
    CLOCK.now = LAST_SECOND;
  }

  @Test
  void theServiceClockIsOnPanamasCalendarWhereTheJvmIsOnUtc() {
    assertThat(ZoneId.systemDefault().getId()).isIn("UTC", "Etc/UTC", "GMT", "Z");
    assertThat(LocalDate.ofInstant(LAST_SECOND, ZoneId.systemDefault()).getDayOfYear())
        .as("in UTC it is already the new year")
        .isEqualTo(1);
    Clock clock = new ObservatoryClock().observatoryClock();
    assertThat(LocalDate.ofInstant(LAST_SECOND, clock.getZone())).isEqualTo(NEW_YEARS_EVE);
    assertThat(NEW_YEARS_EVE.getMonthValue()).isEqualTo(12);
    assertThat(NEW_YEARS_EVE.getDayOfMonth()).isEqualTo(31);
  }

  @Test
  void pagesAndFilesSayNewYearsEveAtItsLastSecond() {
    Browser browser = new Browser(server.getURI());
    String day = Dates.day(NEW_YEARS_EVE, Locale.forLanguageTag("es-PA"));

    assertThat(browser.get("/").body()).contains("Datos al " + day);
    assertThat(browser.get("/planes/" + PLAN).body()).contains("Datos al " + day);

    String figures = browser.get("/api/public/indicators/HOM-TASA/figures").body();
    assertThat(figures).contains("\"asOf\":\"" + NEW_YEARS_EVE + "\"");

    var sdmx = browser.bytes("/api/public/sdmx/data/" + PLAN + "?format=csv");
    assertThat(sdmx.statusCode()).isEqualTo(200);
    assertThat(sdmx.headers().firstValue("Content-Disposition").orElse(""))
        .contains(PLAN + "-" + NEW_YEARS_EVE + ".csv");
  }

  @Test
  void aPublicPageKeptOnNewYearsEveIsComputedAgainOnNewYearsDay() {
    Browser visitor = new Browser(server.getURI());
    Locale spanish = Locale.forLanguageTag("es-PA");
    String page = "/planes/" + PLAN;
    assertThat(visitor.get(page).body()).contains("Datos al " + Dates.day(NEW_YEARS_EVE, spanish));

    CLOCK.now = LAST_SECOND.plusSeconds(2); // no data changed meanwhile
    assertThat(visitor.get(page).body())
        .contains("Datos al " + Dates.day(NEW_YEARS_EVE.plusDays(1), spanish));
  }
}
