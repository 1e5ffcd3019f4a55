package org.atalaya.calendar;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.database.NamedStatement;

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
            NamedStatement.prepare(
                c,
                """
                INSERT INTO reminder_sent
                  (indicator_code, source_code, period_start, recipient, sent_on, institution)
                VALUES (:indicator, :source, :period, :recipient, :day, :institution)
                ON CONFLICT DO NOTHING
                """)) {
      s.setString("indicator", e.indicator()).setString("source", e.source());
      s.setDate("period", e.period()).setString("recipient", recipient);
      s.setDate("day", day).setString("institution", e.institution());
      return s.executeUpdate() == 1;
    }
  }
}
