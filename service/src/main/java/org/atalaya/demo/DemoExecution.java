package org.atalaya.demo;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.execution.ActivityForm;
import org.atalaya.execution.ActivityState;
import org.atalaya.execution.BudgetForm;
import org.atalaya.execution.Execution;
import org.atalaya.execution.PartKind;
import org.atalaya.indicator.Frequency;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.Money;

/**
 * Illustrative execution for the demonstration plan, relative to today: activities whose planned
 * end is well past are done (a few late), those under way are in progress, later ones not started;
 * each past quarter of a part's schedule has its share of the budget committed and most of it
 * spent.
 */
@Singleton
class DemoExecution {
  private static final Pattern SHARE = Pattern.compile("([^,(]+?)\\s*\\((\\d{1,3})\\s*%\\)");
  private static final double[] SPENT = {0.92, 0.81, 0.88, 0.67, 0.95, 0.74};

  private final Execution execution;

  DemoExecution(Execution execution) {
    this.execution = execution;
  }

  void load(PlanDocument doc, LocalDate today) throws SQLException {
    String plan = doc.plan().code();
    int n = 0;
    for (var axis : doc.axes()) {
      for (var card : axis.actionCards()) {
        LocalDate start = card.schedule() == null ? null : card.schedule().start();
        LocalDate end = card.schedule() == null ? null : card.schedule().end();
        List<Planned> planned = new ArrayList<>();
        List<String> actions = card.actions();
        for (int i = 0; i < actions.size(); i++) {
          LocalDate to =
              start == null || end == null
                  ? null
                  : start.plusDays(ChronoUnit.DAYS.between(start, end) * (i + 1) / actions.size());
          planned.add(new Planned(actions.get(i), start, to));
        }
        execution.seed(
            plan,
            PartKind.CARD,
            card.code(),
            activities(planned, today, n),
            budget(card.budget(), card.fundingSource(), start, end, doc, today));
        n++;
      }
    }
    for (var p : doc.projects()) {
      List<Planned> planned =
          p.schedule().stream().map(s -> new Planned(s.activity(), s.start(), s.end())).toList();
      execution.seed(
          plan,
          PartKind.PROJECT,
          p.code(),
          activities(planned, today, n),
          budget(p.budget(), p.fundingSource(), p.start(), p.end(), doc, today));
      n++;
    }
  }

  private record Planned(String name, @Nullable LocalDate start, @Nullable LocalDate end) {}

  private static List<ActivityForm> activities(List<Planned> planned, LocalDate today, int part) {
    List<ActivityForm> out = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      String name = p.name().length() > 500 ? p.name().substring(0, 500) : p.name();
      if (p.start() == null || p.start().isAfter(today)) {
        out.add(form(name, p, null, null, ActivityState.PLANNED));
        continue;
      }
      LocalDate began = min(p.start().plusDays(7 + (part + i) % 3 * 5L), today.minusDays(1));
      boolean over = p.end() != null && p.end().isBefore(today.minusDays(45));
      boolean late = (part + i) % 4 == 1;
      if (over && !late) {
        LocalDate ended = min(p.end().plusDays((part + i) % 3 * 12L), today.minusDays(1));
        out.add(form(name, p, began, max(ended, began), ActivityState.DONE));
      } else {
        out.add(form(name, p, began, null, ActivityState.IN_PROGRESS));
      }
    }
    return out;
  }

  private static ActivityForm form(
      String name,
      Planned p,
      @Nullable LocalDate began,
      @Nullable LocalDate ended,
      ActivityState state) {
    return new ActivityForm(name, p.start(), p.end(), began, ended, state, null, null);
  }

  /** Each quarter of the schedule already over: its share committed, most of it spent. */
  private static List<BudgetForm> budget(
      @Nullable Money money,
      @Nullable String funding,
      @Nullable LocalDate start,
      @Nullable LocalDate end,
      PlanDocument doc,
      LocalDate today) {
    if (money == null || start == null || end == null) {
      return List.of();
    }
    LocalDate first = Frequency.QUARTERLY.startOf(max(start, doc.plan().periodStart()));
    LocalDate last = Frequency.QUARTERLY.startOf(min(end, doc.plan().periodEnd()));
    long quarters = ChronoUnit.MONTHS.between(first, last) / 3 + 1;
    LocalDate current = Frequency.QUARTERLY.startOf(today);
    List<BudgetForm> out = new ArrayList<>();
    int q = 0;
    for (LocalDate d = first; d.isBefore(current) && !d.isAfter(last); d = d.plusMonths(3), q++) {
      BigDecimal share = money.amount().divide(BigDecimal.valueOf(quarters), 2, RoundingMode.DOWN);
      for (Source s : sources(funding)) {
        BigDecimal committed = share.multiply(s.share()).setScale(2, RoundingMode.DOWN);
        BigDecimal spent =
            committed
                .multiply(BigDecimal.valueOf(SPENT[(q + out.size()) % SPENT.length]))
                .setScale(2, RoundingMode.DOWN);
        out.add(new BudgetForm(Frequency.QUARTERLY.label(d), s.name(), committed, spent, null));
      }
    }
    return out;
  }

  private record Source(String name, BigDecimal share) {}

  /** "Presupuesto municipal (60 %), fondos … (25 %) y …" → its sources and shares; else one. */
  private static List<Source> sources(@Nullable String funding) {
    List<Source> out = new ArrayList<>();
    if (funding != null) {
      Matcher m = SHARE.matcher(funding);
      while (m.find()) {
        String name = m.group(1).replaceFirst("^\\s*(y|e)\\s+", "").strip();
        out.add(new Source(capital(name), new BigDecimal(m.group(2)).movePointLeft(2)));
      }
    }
    if (out.isEmpty()) {
      String name = funding == null ? "Presupuesto municipal" : funding.split(",| con | y ")[0];
      out.add(new Source(capital(name.replaceAll("[.\\s]+$", "")), BigDecimal.ONE));
    }
    return out;
  }

  private static String capital(String s) {
    String t = s.length() > 200 ? s.substring(0, 200) : s;
    return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
