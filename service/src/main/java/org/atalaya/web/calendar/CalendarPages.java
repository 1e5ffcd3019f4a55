package org.atalaya.web.calendar;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.atalaya.calendar.CalendarService;
import org.atalaya.calendar.DataCalendar;
import org.atalaya.calendar.DataCalendar.Completeness;
import org.atalaya.calendar.DataCalendar.Entry;
import org.atalaya.calendar.MissingFigures;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Periods;
import org.atalaya.web.calendar.CalendarPage.Cell;
import org.atalaya.web.calendar.CalendarPage.Choice;
import org.atalaya.web.calendar.CalendarPage.CompletenessRow;
import org.atalaya.web.calendar.CalendarPage.Row;

/** Puts the data calendar into words for its page. */
@Singleton
class CalendarPages {
  private final CalendarService calendar;

  CalendarPages(CalendarService calendar) {
    this.calendar = calendar;
  }

  record Chosen(
      LocalDate today,
      @Nullable LocalDate from,
      @Nullable String institution,
      @Nullable String indicator) {}

  record Reminding(@Nullable String institution, List<Entry> late, boolean admin, boolean mail) {}

  CalendarPage page(Chosen c, Reminding r, @Nullable String done, Locale locale)
      throws SQLException {
    DataCalendar all = calendar.calendar(c.today(), c.from(), null, null);
    DataCalendar cal = calendar.calendar(c.today(), c.from(), c.institution(), c.indicator());
    Map<String, String> institutions = new java.util.TreeMap<>();
    Map<String, String> indicators = new java.util.TreeMap<>();
    for (Entry e : all.entries()) {
      if (e.institution() != null) {
        institutions.put(e.institution(), e.institutionName());
      }
      indicators.put(e.indicator(), e.indicatorName());
    }
    List<Row> rows = cal.entries().stream().map(e -> row(e, locale)).toList();
    TreeSet<String> monthKeys = new TreeSet<>();
    cal.completeness().forEach(k -> monthKeys.add(k.month()));
    Map<String, Map<String, Completeness>> byInstitution = new LinkedHashMap<>();
    for (Completeness k : cal.completeness()) {
      String name =
          k.institutionName() == null
              ? Messages.format(locale, "calendar.noInstitution")
              : k.institutionName();
      byInstitution.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(k.month(), k);
    }
    List<CompletenessRow> completeness = new ArrayList<>();
    byInstitution.forEach(
        (name, months) -> {
          List<Cell> cells = new ArrayList<>();
          for (String m : monthKeys) {
            Completeness k = months.get(m);
            cells.add(k == null ? new Cell(null, "none") : cell(k, locale));
          }
          completeness.add(new CompletenessRow(name, cells));
        });
    DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
    List<String> months = monthKeys.stream().map(m -> month.format(YearMonth.parse(m))).toList();
    List<String> late =
        r.late().stream()
            .map(
                e ->
                    Messages.format(
                        locale,
                        "calendar.reminders.item",
                        e.indicator(),
                        e.indicatorName(),
                        Periods.code(e.periodLabel()),
                        e.due()))
            .toList();
    return new CalendarPage(
        Messages.format(locale, "calendar.lead", cal.from(), cal.today()),
        Messages.format(locale, "calendar.rule", cal.reportingDelayDays()),
        choices(institutions, c.institution()),
        choices(indicators, c.indicator()),
        c.institution(),
        c.indicator(),
        YearMonth.from(cal.from()).toString(),
        rows,
        months,
        completeness,
        r.institution() == null
            ? null
            : institutions.getOrDefault(r.institution(), r.institution()),
        late,
        r.admin(),
        r.mail(),
        done);
  }

  private static Cell cell(Completeness k, Locale locale) {
    double p = k.percent();
    String level = p >= 100.0 ? "full" : p >= 50.0 ? "part" : "low";
    return new Cell(
        Messages.format(
            locale, "calendar.completeness.cell", Math.floor(p), k.received(), k.expected()),
        level);
  }

  private static List<Choice> choices(Map<String, String> all, @Nullable String chosen) {
    return all.entrySet().stream()
        .map(e -> new Choice(e.getKey(), e.getValue(), e.getKey().equals(chosen)))
        .toList();
  }

  private static Row row(Entry e, Locale locale) {
    boolean complete = e.received() >= e.expected();
    return new Row(
        "c-" + e.indicator() + "-" + e.source() + "-" + e.periodLabel(),
        e.periodLabel(),
        e.indicator(),
        e.indicatorName(),
        e.sourceName(),
        e.institutionName() == null
            ? Messages.format(locale, "calendar.noInstitution")
            : e.institutionName(),
        Dates.day(e.due(), locale),
        e.state().name(),
        Messages.format(locale, "calendar.state." + e.state().name()),
        Messages.format(locale, "calendar.parts", e.received(), e.expected()),
        complete ? null : MissingFigures.why(e, locale));
  }
}
