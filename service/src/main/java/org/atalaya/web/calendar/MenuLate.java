package org.atalaya.web.calendar;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.calendar.Reminders;
import org.atalaya.security.UserInstitutions;
import org.atalaya.shared.Dates;
import org.atalaya.web.LateCount;

/**
 * The menu's count of late deliveries for the signed-in person's institution (everyone's when
 * none). Every signed-in page shows it, so the count is kept for a few seconds per institution: a
 * delivery is late for days, a count a few seconds old is still true.
 */
@Singleton
class MenuLate implements LateCount {
  private static final long KEEP_MILLIS = 20_000;
  private final Reminders reminders;
  private final UserInstitutions people;
  private final Map<String, long[]> recent = new ConcurrentHashMap<>();

  MenuLate(Reminders reminders, UserInstitutions people) {
    this.reminders = reminders;
    this.people = people;
  }

  @Override
  public long late(String username) {
    try {
      String institution = people.of(username);
      String key = institution == null ? "" : institution;
      long now = System.currentTimeMillis();
      long[] kept = recent.get(key);
      if (kept != null && now - kept[0] < KEEP_MILLIS) {
        return kept[1];
      }
      long count = reminders.late(LocalDate.now(Dates.ZONE), institution).size();
      recent.put(key, new long[] {now, count});
      return count;
    } catch (SQLException | RuntimeException e) {
      return 0L; // the menu never fails a page
    }
  }
}
