package org.atalaya.web.authoring;

import static org.atalaya.web.authoring.CardForm.BAD;
import static org.atalaya.web.authoring.CardForm.blank;
import static org.atalaya.web.authoring.CardForm.date;
import static org.atalaya.web.authoring.CardForm.lines;
import static org.atalaya.web.authoring.CardForm.list;
import static org.atalaya.web.authoring.CardForm.text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.plan.PlanDocument.Money;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.plan.PlanDocument.ScheduleItem;

/**
 * A priority project (the guide's step 5) as typed into the form, every field as text so that what
 * was typed comes back as it was. Lists are one item per line; the schedule is one activity per
 * line, "activity; start; end". {@code base} is the project as it was read (optimistic locking).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectForm(
    @Nullable String code,
    @Nullable String name,
    @Nullable String axis,
    @Nullable String location,
    @Nullable String start,
    @Nullable String end,
    @Nullable String problem,
    @Nullable String justification,
    @Nullable String generalObjective,
    @Nullable String specificObjectives,
    @Nullable String activities,
    @Nullable String beneficiaries,
    @Nullable String indicators,
    @Nullable String schedule,
    @Nullable String communicationPlan,
    @Nullable String monitoringPlan,
    @Nullable String leadInstitution,
    @Nullable String budgetAmount,
    @Nullable String budgetCurrency,
    @Nullable String fundingSource,
    @Nullable String base) {

  /** The form's fields in the guide's order; each problem is shown beside one of them. */
  static final List<String> ORDER =
      List.of(
          "code",
          "name",
          "axis",
          "location",
          "start",
          "end",
          "problem",
          "justification",
          "generalObjective",
          "specificObjectives",
          "activities",
          "beneficiaries",
          "indicators",
          "schedule",
          "communicationPlan",
          "monitoringPlan",
          "leadInstitution",
          "budgetAmount",
          "budgetCurrency",
          "fundingSource");

  static final Set<String> FIELDS = Set.copyOf(ORDER);

  static ProjectForm empty(@Nullable String axis) {
    return new ProjectForm(
        null, null, axis, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, "USD", null, null);
  }

  static ProjectForm of(ProjectDoc p, String base) {
    return new ProjectForm(
        p.code(),
        p.name(),
        p.axis(),
        p.location(),
        iso(p.start()),
        iso(p.end()),
        p.problem(),
        p.justification(),
        p.generalObjective(),
        lines(p.specificObjectives()),
        lines(p.activities()),
        p.beneficiaries(),
        lines(p.indicators()),
        lines(
            p.schedule().stream()
                .map(s -> s.activity() + "; " + iso(s.start()) + "; " + iso(s.end()))
                .map(l -> l.replaceAll("(; )+$", ""))
                .toList()),
        p.communicationPlan(),
        p.monitoringPlan(),
        p.leadInstitution(),
        p.budget() == null ? null : p.budget().amount().toPlainString(),
        p.budget() == null ? "USD" : p.budget().currency(),
        p.fundingSource(),
        base);
  }

  ProjectForm withBase(String newBase) {
    return new ProjectForm(
        code,
        name,
        axis,
        location,
        start,
        end,
        problem,
        justification,
        generalObjective,
        specificObjectives,
        activities,
        beneficiaries,
        indicators,
        schedule,
        communicationPlan,
        monitoringPlan,
        leadInstitution,
        budgetAmount,
        budgetCurrency,
        fundingSource,
        newBase);
  }

  /** What was typed in each field, by name, for the page. */
  Map<String, String> values() {
    String[] typed = {
      code,
      name,
      axis,
      location,
      start,
      end,
      problem,
      justification,
      generalObjective,
      specificObjectives,
      activities,
      beneficiaries,
      indicators,
      schedule,
      communicationPlan,
      monitoringPlan,
      leadInstitution,
      budgetAmount,
      budgetCurrency,
      fundingSource
    };
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < typed.length; i++) {
      out.put(ORDER.get(i), typed[i] == null ? "" : typed[i]);
    }
    return out;
  }

  /** A field that cannot even be read: its message key and the line or text it is about. */
  record Unreadable(String key, Object... args) {}

  Map<String, Unreadable> unreadable() {
    Map<String, Unreadable> out = new LinkedHashMap<>();
    if (date(start) == BAD) {
      out.put("start", new Unreadable("authoring.error.date", start.strip()));
    }
    if (date(end) == BAD) {
      out.put("end", new Unreadable("authoring.error.date", end.strip()));
    }
    if (!blank(budgetAmount) && CardForm.amount(budgetAmount) == null) {
      out.put("budgetAmount", new Unreadable("authoring.error.amount", budgetAmount.strip()));
    }
    List<String> rows = list(schedule);
    for (int i = 0; i < rows.size(); i++) {
      String[] parts = rows.get(i).split(";", -1);
      for (int p = 1; p < Math.min(parts.length, 3); p++) {
        if (date(parts[p]) == BAD) {
          out.put(
              "schedule",
              new Unreadable("authoring.project.error.scheduleDate", i + 1, parts[p].strip()));
          return out;
        }
      }
      if (parts.length > 3) {
        out.put("schedule", new Unreadable("authoring.project.error.scheduleLine", i + 1));
        return out;
      }
    }
    return out;
  }

  /** The project as the API receives it; unreadable dates and amounts are left out. */
  ProjectDoc toDoc(@Nullable String fixedCode) {
    List<ScheduleItem> items = new ArrayList<>();
    for (String row : list(schedule)) {
      String[] parts = row.split(";", -1);
      items.add(
          new ScheduleItem(
              text(parts[0]),
              parts.length > 1 ? ok(parts[1]) : null,
              parts.length > 2 ? ok(parts[2]) : null));
    }
    BigDecimal amount = CardForm.amount(budgetAmount);
    Money budget =
        amount == null
            ? null
            : new Money(amount, blank(budgetCurrency) ? "USD" : budgetCurrency.strip());
    return new ProjectDoc(
        fixedCode != null ? fixedCode : text(code),
        text(name),
        text(axis),
        text(location),
        ok(start),
        ok(end),
        text(problem),
        text(justification),
        text(generalObjective),
        list(specificObjectives),
        list(activities),
        text(beneficiaries),
        list(indicators),
        items,
        text(communicationPlan),
        text(monitoringPlan),
        text(leadInstitution),
        budget,
        text(fundingSource));
  }

  private static LocalDate ok(String s) {
    LocalDate d = date(s);
    return d == BAD ? null : d;
  }

  private static String iso(@Nullable LocalDate d) {
    return d == null ? "" : d.toString();
  }
}
