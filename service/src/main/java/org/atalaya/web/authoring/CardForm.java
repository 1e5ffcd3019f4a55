package org.atalaya.web.authoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.Money;
import org.atalaya.plan.PlanDocument.Schedule;

/**
 * An action card (the guide's ficha) as typed into the form, every field as text so that what was
 * typed comes back as it was; lists are one item per line. {@code base} is the card as it was read,
 * for optimistic locking.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CardForm(
    @Nullable String code,
    @Nullable String title,
    @Nullable String problem,
    @Nullable String generalObjective,
    @Nullable String actions,
    @Nullable String targets,
    @Nullable String indicators,
    @Nullable String leadInstitution,
    @Nullable String partners,
    @Nullable String otherPartners,
    @Nullable String scheduleStart,
    @Nullable String scheduleEnd,
    @Nullable String scheduleNotes,
    @Nullable String budgetAmount,
    @Nullable String budgetCurrency,
    @Nullable String fundingSource,
    @Nullable String base) {

  static final Set<String> FIELDS =
      Set.of(
          "code",
          "title",
          "problem",
          "generalObjective",
          "actions",
          "targets",
          "indicators",
          "leadInstitution",
          "partners",
          "otherPartners",
          "scheduleStart",
          "scheduleEnd",
          "scheduleNotes",
          "budgetAmount",
          "budgetCurrency",
          "fundingSource");

  static CardForm blank() {
    return new CardForm(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, "USD",
        null, null);
  }

  static CardForm of(ActionCardDoc c, String base) {
    return new CardForm(
        c.code(),
        c.title(),
        c.problem(),
        c.generalObjective(),
        lines(c.actions()),
        lines(c.targets()),
        lines(c.indicators()),
        c.leadInstitution(),
        lines(c.partners()),
        lines(c.otherPartners()),
        c.schedule() == null || c.schedule().start() == null
            ? null
            : c.schedule().start().toString(),
        c.schedule() == null || c.schedule().end() == null ? null : c.schedule().end().toString(),
        c.schedule() == null ? null : c.schedule().notes(),
        c.budget() == null ? null : c.budget().amount().toPlainString(),
        c.budget() == null ? "USD" : c.budget().currency(),
        c.fundingSource(),
        base);
  }

  CardForm withBase(String newBase) {
    return new CardForm(
        code,
        title,
        problem,
        generalObjective,
        actions,
        targets,
        indicators,
        leadInstitution,
        partners,
        otherPartners,
        scheduleStart,
        scheduleEnd,
        scheduleNotes,
        budgetAmount,
        budgetCurrency,
        fundingSource,
        newBase);
  }

  /** The fields that cannot even be read as a date or an amount, with the rule's message key. */
  Map<String, String> unreadable() {
    Map<String, String> out = new LinkedHashMap<>();
    if (date(scheduleStart) == BAD) {
      out.put("scheduleStart", "authoring.error.date");
    }
    if (date(scheduleEnd) == BAD) {
      out.put("scheduleEnd", "authoring.error.date");
    }
    if (!blank(budgetAmount) && amount() == null) {
      out.put("budgetAmount", "authoring.error.amount");
    }
    return out;
  }

  /** The card as the API receives it; call after {@link #unreadable()} found nothing. */
  ActionCardDoc toDoc(String fixedCode) {
    LocalDate start = date(scheduleStart);
    LocalDate end = date(scheduleEnd);
    Schedule schedule =
        start == null && end == null && blank(scheduleNotes)
            ? null
            : new Schedule(start, end, text(scheduleNotes));
    BigDecimal amount = amount();
    Money budget =
        amount == null
            ? null
            : new Money(amount, blank(budgetCurrency) ? "USD" : budgetCurrency.strip());
    return new ActionCardDoc(
        fixedCode != null ? fixedCode : text(code),
        text(title),
        text(problem),
        text(generalObjective),
        list(actions),
        list(targets),
        list(indicators),
        text(leadInstitution),
        list(partners),
        list(otherPartners),
        schedule,
        budget,
        text(fundingSource));
  }

  /** A date that was typed but cannot be read. */
  static final LocalDate BAD = LocalDate.MIN;

  static LocalDate date(String s) {
    if (blank(s)) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return BAD;
    }
  }

  /** "45000.50", "45 000,50" or "45,000.50": a point or a lone comma marks the decimals. */
  private BigDecimal amount() {
    return amount(budgetAmount);
  }

  static BigDecimal amount(String typed) {
    if (blank(typed)) {
      return null;
    }
    String s = typed.strip().replace(" ", "").replace("\u00a0", "");
    if (s.contains(".")) {
      s = s.replace(",", "");
    } else {
      s = s.replace(',', '.');
    }
    try {
      return s.matches("\\d{1,14}(\\.\\d+)?") ? new BigDecimal(s) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String text(String s) {
    return blank(s) ? null : s.strip();
  }

  static List<String> list(String s) {
    if (blank(s)) {
      return List.of();
    }
    return Arrays.stream(s.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static String lines(List<String> items) {
    return String.join("\n", items);
  }
}
