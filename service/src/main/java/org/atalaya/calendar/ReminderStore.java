package org.atalaya.calendar;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.atalaya.calendar.DataCalendar.Entry;

/** The reminders already sent ({@code reminder_sent}): one per item, recipient and day. */
@Singleton
class ReminderStore {
  private final DataSource dataSource;

  ReminderStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records that the item goes to the recipient today; false when it already went today. Runs in
   * the caller's transaction, so a failed sending leaves no record.
   */
  boolean claim(Entry e, String recipient, LocalDate day) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                """
                INSERT INTO reminder_sent
                  (indicator_code, source_code, period_start, recipient, sent_on, institution)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)) {
      s.setString(1, e.indicator());
      s.setString(2, e.source());
      s.setDate(3, Date.valueOf(e.period()));
      s.setString(4, recipient);
      s.setDate(5, Date.valueOf(day));
      s.setString(6, e.institution());
      return s.executeUpdate() == 1;
    }
  }
}
