package org.atalaya.web.calendar;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What the data calendar's page shows, already in words. */
public record CalendarPage(
    String lead,
    String rule,
    List<Choice> institutions,
    List<Choice> indicators,
    @Nullable String institution,
    @Nullable String indicator,
    String from,
    List<Row> rows,
    List<String> months,
    List<CompletenessRow> completeness,
    @Nullable String remindersFor,
    List<String> late,
    boolean admin,
    boolean mailConfigured,
    @Nullable String done) {

  public CalendarPage {
    institutions = List.copyOf(institutions);
    indicators = List.copyOf(indicators);
    rows = List.copyOf(rows);
    months = List.copyOf(months);
    completeness = List.copyOf(completeness);
    late = List.copyOf(late);
  }

  public record Choice(String code, String name, boolean chosen) {}

  /**
   * One delivery: indicator period of a source, its state and, when incomplete, what is missing.
   */
  public record Row(
      String id,
      String period,
      String indicator,
      String indicatorName,
      String source,
      String institution,
      String due,
      String state,
      String stateLabel,
      String parts,
      @Nullable String missing) {}

  /**
   * An institution's completeness per month, in the order of {@link #months}; null: nothing due.
   */
  public record CompletenessRow(String institution, List<Cell> cells) {}

  public record Cell(@Nullable String text, String level) {}
}
