package org.atalaya.web.execution;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.atalaya.execution.ActivityForm;
import org.atalaya.execution.ActivityState;
import org.atalaya.execution.BudgetForm;
import org.atalaya.shared.Messages;

/**
 * Turns a form's text into the API's forms. Only the types are checked here (a date, an amount);
 * the rules are {@link org.atalaya.execution.Execution}'s, so a page and the API refuse the same
 * things.
 */
final class FormFields {
  private FormFields() {}

  /** What was read, and each field that could not be, in words. */
  record Parsed<T>(T value, Map<String, String> errors) {
    Parsed<T> with(Map<String, String> more) {
      var all = new LinkedHashMap<>(errors);
      more.forEach((k, v) -> all.merge(k, v, (a, b) -> a + "; " + b));
      return new Parsed<>(value, all);
    }
  }

  static Parsed<ActivityForm> activity(Map<String, String> form, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    ActivityState state = null;
    try {
      state = ActivityState.valueOf(text(form, "state"));
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.put("state", Messages.format(locale, "violation.NotNull"));
    }
    var value =
        new ActivityForm(
            text(form, "name") == null ? "" : text(form, "name"),
            date(form, "plannedStart", errors, locale),
            date(form, "plannedEnd", errors, locale),
            date(form, "actualStart", errors, locale),
            date(form, "actualEnd", errors, locale),
            state,
            text(form, "note"),
            integer(form, "version"));
    return new Parsed<>(value, errors);
  }

  static Parsed<BudgetForm> budget(Map<String, String> form, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    var value =
        new BudgetForm(
            text(form, "period") == null ? "" : text(form, "period"),
            text(form, "fundingSource") == null ? "" : text(form, "fundingSource"),
            amount(form, "committed", errors, locale),
            amount(form, "executed", errors, locale),
            integer(form, "version"));
    return new Parsed<>(value, errors);
  }

  private static @Nullable String text(Map<String, String> form, String field) {
    String v = form.get(field);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static @Nullable LocalDate date(
      Map<String, String> form, String field, Map<String, String> errors, Locale locale) {
    String v = text(form, field);
    if (v == null) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(v);
      if (d.getYear() < 1900 || d.getYear() > 2200) {
        errors.put(field, Messages.format(locale, "web.execution.notDate"));
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      errors.put(field, Messages.format(locale, "web.execution.notDate"));
      return null;
    }
  }

  /** {@code 1500.50} or {@code 1500,50}; no thousands separators, no exponent. */
  private static @Nullable BigDecimal amount(
      Map<String, String> form, String field, Map<String, String> errors, Locale locale) {
    String v = text(form, field);
    if (v == null) {
      return null;
    }
    String plain = v.replace(',', '.');
    if (!plain.matches("-?\\d{1,16}(\\.\\d{1,6})?")) {
      errors.put(field, Messages.format(locale, "web.execution.notAmount"));
      return null;
    }
    return new BigDecimal(plain);
  }

  private static @Nullable Integer integer(Map<String, String> form, String field) {
    String v = text(form, field);
    if (v == null || !v.matches("\\d{1,9}")) {
      return null;
    }
    return Integer.parseInt(v);
  }
}
