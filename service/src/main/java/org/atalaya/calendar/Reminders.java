package org.atalaya.calendar;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.shared.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders of what is late: the in-app list per institution, and e-mail to each institution's
 * addresses when an SMTP server is configured — every morning (the setting {@code
 * atalaya.mail.reminders-cron}) and when the administrator asks; an item goes to an address at most
 * once a day.
 */
@Singleton
public class Reminders {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private final CalendarService calendar;
  private final MailSettings settings;
  private final ReminderMailer mailer;

  Reminders(CalendarService calendar, MailSettings settings, ReminderMailer mailer) {
    this.calendar = calendar;
    this.settings = settings;
    this.mailer = mailer;
  }

  /** What one sending did: whether e-mail is configured, messages sent, items they listed. */
  @Serdeable
  public record Outcome(boolean configured, int messages, int items, List<String> failures) {
    public Outcome {
      failures = List.copyOf(failures);
    }
  }

  public boolean mailConfigured() {
    return settings.configured();
  }

  /** The late items of an institution (all institutions when null), newest period first. */
  public List<Entry> late(LocalDate today, String institution) throws SQLException {
    return calendar.late(today, institution);
  }

  @Scheduled(cron = "${atalaya.mail.reminders-cron:0 0 7 * * *}", zoneId = Dates.ZONE_ID)
  void everyMorning() {
    if (!settings.configured()) {
      return;
    }
    try {
      Outcome o = send(LocalDate.now(Dates.ZONE));
      LOG.info("Reminders: {} messages listing {} late items", o.messages(), o.items());
    } catch (SQLException e) {
      LOG.warn("Reminders not sent: {}", e.getMessage());
    }
  }

  /** Sends today's reminders now; an address that already had an item today does not get it. */
  public Outcome send(LocalDate today) throws SQLException {
    if (!settings.configured()) {
      return new Outcome(false, 0, 0, List.of());
    }
    Map<String, List<Entry>> late =
        calendar.late(today, null).stream()
            .filter(e -> e.institution() != null)
            .collect(Collectors.groupingBy(Entry::institution));
    int messages = 0;
    int items = 0;
    List<String> failures = new java.util.ArrayList<>();
    for (var to : settings.addresses().entrySet()) {
      List<Entry> owed = late.getOrDefault(to.getKey(), List.of());
      if (owed.isEmpty()) {
        continue;
      }
      String name = owed.get(0).institutionName();
      for (String address : to.getValue()) {
        try {
          int sent = mailer.deliver(address, name, owed, today);
          messages += sent > 0 ? 1 : 0;
          items += sent;
        } catch (MessagingException | RuntimeException e) {
          LOG.warn("Reminder to {} not sent: {}", address, e.getMessage());
          failures.add(address);
        }
      }
    }
    return new Outcome(true, messages, items, failures);
  }
}
