package org.atalaya.shared;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock the service reads "today" from: the system's time on the observatory's calendar
 * ({@link Dates#ZONE}, America/Panama), whatever the JVM's default zone is. Servers and CI run in
 * UTC, where from 19:00 in Panama {@code LocalDate.now()} is already tomorrow (and on 31 December
 * next year). Features take it as a {@code java.time.Clock}; a test replaces it with a fixed one.
 */
@Factory
class ObservatoryClock {
  @Singleton
  Clock observatoryClock() {
    return Clock.system(Dates.ZONE);
  }
}
