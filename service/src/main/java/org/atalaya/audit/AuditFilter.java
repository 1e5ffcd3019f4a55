package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/**
 * What a reader asked of the audit log. A key ending in {@code *} matches every key that starts
 * with the rest (all parts of a plan: {@code PLAN-CODE/*}); times are instants, or dates read in
 * Panama's time zone with {@code to} taking in the whole day.
 */
record AuditFilter(
    @Nullable String entity,
    @Nullable String key,
    @Nullable String actor,
    @Nullable AuditAction action,
    @Nullable Instant from,
    @Nullable Instant to,
    int page,
    int size) {
  static final ZoneId ZONE = ZoneId.of("America/Panama");
  static final int MAX_SIZE = 1000;

  AuditFilter {
    if (page < 1 || size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("page from 1, size from 1 to " + MAX_SIZE);
    }
  }

  /** Reads the query parameters, naming every one that cannot be understood. */
  static AuditFilter parse(
      @Nullable String entity,
      @Nullable String key,
      @Nullable String actor,
      @Nullable String action,
      @Nullable String from,
      @Nullable String to,
      int page,
      int size) {
    List<FieldError> errors = new ArrayList<>();
    AuditAction kind = null;
    if (blank(action) != null) {
      try {
        kind = AuditAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("action", "enumValue", action, "CREATE, UPDATE, DELETE, IMPORT"));
      }
    }
    Instant start = instant("from", from, false, errors);
    Instant end = instant("to", to, true, errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("to", "audit.toBeforeFrom"));
    }
    if (page < 1) {
      errors.add(new FieldError("page", "audit.page"));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new FieldError("size", "audit.size", MAX_SIZE));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return new AuditFilter(blank(entity), blank(key), blank(actor), kind, start, end, page, size);
  }

  long offset() {
    return (long) (page - 1) * size;
  }

  private static Instant instant(
      String field, @Nullable String text, boolean endOfDay, List<FieldError> errors) {
    if (blank(text) == null) {
      return null;
    }
    String value = text.trim();
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "audit.time", text));
      return null;
    }
  }

  private static String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
