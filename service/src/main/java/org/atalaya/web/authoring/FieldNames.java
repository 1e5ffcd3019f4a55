package org.atalaya.web.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.plan.PlanDiff.Difference;
import org.atalaya.shared.Messages;
import org.atalaya.web.authoring.CardPage.ChangeRow;

/**
 * A difference's field path ("axes[PREV].actionCards[F1].title") in words: "Eje PREV › Ficha F1 ›
 * Título".
 */
final class FieldNames {
  private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[([^\\]]*)\\])?");

  private FieldNames() {}

  static String of(String path, Locale locale) {
    List<String> words = new ArrayList<>();
    Matcher m = PART.matcher(path);
    while (m.find()) {
      String name = m.group(1);
      String key = m.group(2);
      if (key == null) {
        words.add(Messages.format(locale, "authoring.field." + name));
      } else if (key.equals("*")) {
        words.add(Messages.format(locale, "authoring.order." + name));
      } else {
        words.add(Messages.format(locale, "authoring.part." + name, key));
      }
    }
    return String.join(" › ", words);
  }

  static List<ChangeRow> rows(List<Difference> differences, Locale locale) {
    return differences.stream()
        .map(
            d ->
                new ChangeRow(
                    of(d.field(), locale),
                    value(d.field(), d.before(), locale),
                    value(d.field(), d.after(), locale)))
        .toList();
  }

  /** Where the words for a coded value live ("COUNT" → "recuento", "F" → "Mujeres"). */
  private static final List<String> VALUE_KEYS =
      List.of("report.%s.%s", "indicatorForm.%s.%s", "web.entry.%s.%s");

  /** A coded value in words, where the bundles have them; else as it is. */
  static String value(String field, String value, Locale locale) {
    if (value == null) {
      return null;
    }
    String leaf = field.substring(field.lastIndexOf('.') + 1);
    if (leaf.contains("[")) {
      return value;
    }
    if (value.equals("true") || value.equals("false")) {
      return Messages.format(locale, "authoring.value." + value);
    }
    for (String pattern : VALUE_KEYS) {
      String key = String.format(Locale.ROOT, pattern, leaf, value);
      if (Messages.pattern(locale, key) != null) {
        return Messages.format(locale, key);
      }
    }
    return value;
  }
}
