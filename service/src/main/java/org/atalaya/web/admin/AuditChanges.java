package org.atalaya.web.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.atalaya.shared.Messages;

/**
 * An audit entry's before and after as a person reads them: for a change, only the fields that
 * changed, "field: old → new"; for a creation or a deletion, its plain fields. Nested lists and
 * objects are counted, not printed as JSON; field names in the reader's language where the bundle
 * has them.
 */
final class AuditChanges {
  static final int MAX_LINES = 12;
  private static final int MAX_TEXT = 120;

  private AuditChanges() {}

  /**
   * @param before null for a creation; @param after null for a deletion
   */
  static AuditPage.Changes of(@Nullable Object before, @Nullable Object after, Locale locale) {
    List<AuditPage.Change> all = new ArrayList<>();
    if (before instanceof Map<?, ?> || after instanceof Map<?, ?>) {
      Map<?, ?> b = before instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> a = after instanceof Map<?, ?> m ? m : Map.of();
      Set<Object> keys = new LinkedHashSet<>(b.keySet());
      keys.addAll(a.keySet());
      for (Object key : keys) {
        Object old = b.get(key);
        Object now = a.get(key);
        if (before != null && after != null && Objects.equals(old, now)) {
          continue;
        }
        all.add(
            new AuditPage.Change(
                field(String.valueOf(key), locale),
                before == null ? null : value(String.valueOf(key), old, locale),
                after == null ? null : value(String.valueOf(key), now, locale)));
      }
    } else if (before != null || after != null) {
      all.add(
          new AuditPage.Change(
              "",
              before == null ? null : text(before, locale),
              after == null ? null : text(after, locale)));
    }
    int more = Math.max(0, all.size() - MAX_LINES);
    return new AuditPage.Changes(all.subList(0, Math.min(all.size(), MAX_LINES)), more);
  }

  /** The entity's name in the reader's language, or its code where the bundle has none. */
  static String entity(String code, Locale locale) {
    String name = Messages.pattern(locale, "audit.entity." + code);
    return name == null ? code : Messages.format(locale, "audit.entity." + code);
  }

  private static String field(String name, Locale locale) {
    return Messages.pattern(locale, "audit.field." + name) == null
        ? name
        : Messages.format(locale, "audit.field." + name);
  }

  /** A role or a status in words where the bundle has them ("ANALYST" reads "Análisis"). */
  private static String value(String field, @Nullable Object value, Locale locale) {
    String key = "role".equals(field) ? "admin.role." + value : "audit.value." + value;
    return value instanceof String && Messages.pattern(locale, key) != null
        ? Messages.format(locale, key)
        : text(value, locale);
  }

  private static String text(@Nullable Object value, Locale locale) {
    if (value == null) {
      return "—";
    }
    if (value instanceof List<?> list) {
      return Messages.format(locale, "audit.items", list.size());
    }
    if (value instanceof Map<?, ?> map) {
      return Messages.format(locale, "audit.fields", map.size());
    }
    if (value instanceof Boolean b) {
      return Messages.format(locale, b ? "audit.yes" : "audit.no");
    }
    String s = String.valueOf(value);
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s;
  }
}
