package org.atalaya.web.execution;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.atalaya.execution.Activity;
import org.atalaya.execution.ActivityState;
import org.atalaya.execution.BudgetLine;
import org.atalaya.execution.Execution;
import org.atalaya.shared.Messages;
import org.atalaya.web.NumberText;

/**
 * A card's or project's execution in words: physical progress beside the share planned by today,
 * financial progress against the estimated budget, the activities and the money per quarter.
 */
public record ExecutionView(
    String asOf,
    String physical,
    int physicalWidth,
    @Nullable String expected,
    int expectedWidth,
    String financial,
    int financialWidth,
    String activitiesLine,
    @Nullable String planned,
    String committed,
    String executed,
    List<ActivityRow> activities,
    List<BudgetRow> budget,
    String editUrl) {

  public record ActivityRow(
      long id,
      String name,
      String planned,
      String actual,
      ActivityState state,
      String stateText,
      boolean late,
      @Nullable String note) {}

  public record BudgetRow(String period, String source, String committed, String executed) {}

  public static ExecutionView of(Execution.Part p, String editUrl, Locale locale) {
    Execution.Summary s = p.summary();
    String currency = p.budget() == null ? currencyOf(p) : p.budget().currency();
    String line =
        Messages.format(
            locale,
            "web.execution.activitiesLine",
            s.done(),
            s.activities() - s.cancelled(),
            s.inProgress(),
            s.late());
    return new ExecutionView(
        NumberText.date(s.asOf(), locale),
        NumberText.percent(s.physical(), locale),
        width(s.physical()),
        s.expected() == null ? null : NumberText.percent(s.expected(), locale),
        s.expected() == null ? -1 : width(s.expected()),
        NumberText.percent(s.financial(), locale),
        width(s.financial()),
        line,
        p.budget() == null ? null : money(p.budget().amount(), currency, locale),
        money(s.committed(), currency, locale),
        money(s.executed(), currency, locale),
        p.activities().stream().map(a -> row(a, s, locale)).toList(),
        p.budgetLines().stream().map(b -> row(b, locale)).toList(),
        editUrl);
  }

  static String money(BigDecimal amount, String currency, Locale locale) {
    return NumberText.number(amount.doubleValue(), 2, locale) + " " + currency;
  }

  private static String currencyOf(Execution.Part p) {
    return p.budgetLines().isEmpty() ? "USD" : p.budgetLines().get(0).currency();
  }

  private static int width(@Nullable Double ratio) {
    return ratio == null ? 0 : (int) Math.round(Math.max(0, Math.min(1, ratio)) * 100);
  }

  private static ActivityRow row(Activity a, Execution.Summary s, Locale locale) {
    return new ActivityRow(
        a.id(),
        a.name(),
        span(a.plannedStart(), a.plannedEnd(), locale),
        span(a.actualStart(), a.actualEnd(), locale),
        a.state(),
        Messages.format(locale, "web.execution.state." + a.state()),
        a.lateOn(s.asOf()),
        a.note());
  }

  private static BudgetRow row(BudgetLine b, Locale locale) {
    return new BudgetRow(
        b.period(),
        b.fundingSource(),
        money(b.committed(), b.currency(), locale),
        money(b.executed(), b.currency(), locale));
  }

  private static String span(
      @Nullable java.time.LocalDate from, @Nullable java.time.LocalDate to, Locale locale) {
    if (from == null && to == null) {
      return "—";
    }
    return (from == null ? "…" : NumberText.date(from, locale))
        + " – "
        + (to == null ? "…" : NumberText.date(to, locale));
  }
}
