package org.atalaya.calendar;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Periods;

/**
 * Sends one institution's late items to one address through the configured SMTP server, in Spanish,
 * leaving out what that address already received today; the record of what was sent and the sending
 * share one transaction, so a failed sending can be retried the same day.
 */
@Singleton
class ReminderMailer {
  private static final Locale SPANISH = Messages.DEFAULT;
  private final MailSettings settings;
  private final ReminderStore store;
  private final String site;

  ReminderMailer(
      MailSettings settings,
      ReminderStore store,
      @Value("${atalaya.public-url:http://localhost:8080}") String site) {
    this.settings = settings;
    this.store = store;
    this.site = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
  }

  /** The number of items mailed (zero: all had gone to that address today). */
  @Transactional
  public int deliver(String address, String institutionName, List<Entry> late, LocalDate today)
      throws SQLException, MessagingException {
    List<Entry> fresh = new ArrayList<>();
    for (Entry e : late) {
      if (store.claim(e, address, today)) {
        fresh.add(e);
      }
    }
    if (!fresh.isEmpty()) {
      send(address, institutionName, fresh, today);
    }
    return fresh.size();
  }

  private void send(String address, String institutionName, List<Entry> items, LocalDate today)
      throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.getHost());
    p.put("mail.smtp.port", Integer.toString(settings.getPort()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    boolean auth = settings.getUsername() != null && !settings.getUsername().isBlank();
    p.put("mail.smtp.auth", Boolean.toString(auth));
    p.put("mail.smtp.starttls.enable", Boolean.toString(settings.isStarttls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(settings.isStarttls()));
    MimeMessage m = new MimeMessage(Session.getInstance(p));
    m.setFrom(new InternetAddress(settings.getFrom()));
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address));
    m.setSubject(
        Messages.format(SPANISH, "calendar.mail.subject", items.size(), institutionName), "UTF-8");
    m.setText(body(institutionName, items, today, site), "UTF-8");
    m.setSentDate(new Date());
    if (auth) {
      Transport.send(m, settings.getUsername(), settings.getPassword());
    } else {
      Transport.send(m);
    }
  }

  private static String body(
      String institutionName, List<Entry> items, LocalDate today, String site) {
    StringBuilder b = new StringBuilder();
    b.append(Messages.format(SPANISH, "calendar.mail.greeting", institutionName, today))
        .append("\n\n");
    for (Entry e : items) {
      b.append(
              Messages.format(
                  SPANISH,
                  "calendar.mail.item",
                  e.indicator(),
                  e.indicatorName(),
                  e.sourceName(),
                  Periods.code(e.periodLabel()),
                  e.due(),
                  MissingFigures.why(e, SPANISH)))
          .append('\n');
    }
    b.append('\n').append(Messages.format(SPANISH, "calendar.mail.closing", site)).append('\n');
    return b.toString();
  }
}
