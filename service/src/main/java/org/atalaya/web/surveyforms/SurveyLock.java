package org.atalaya.web.surveyforms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.atalaya.shared.Messages;
import org.atalaya.survey.SurveyDoc;

/**
 * Optimistic locking of a survey's form: the survey as it was read travels in the form, field by
 * field; a save whose survey has changed meanwhile is refused and shows what the other person
 * changed ("Cuando usted la abrió" / "Ahora").
 */
final class SurveyLock {
  private static final char KEY_END = '\u001f';
  private static final char FIELD_END = '\u001e';

  private SurveyLock() {}

  /** A row of the other person's change: the field in words, before and now. */
  record Change(String field, String before, String after) {}

  static String of(SurveyDoc doc) {
    StringBuilder out = new StringBuilder();
    flatten(doc)
        .forEach(
            (k, v) ->
                out.append(k)
                    .append(KEY_END)
                    .append(v.replace(FIELD_END, ' ').replace(KEY_END, ' '))
                    .append(FIELD_END));
    return Base64.getUrlEncoder().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  static List<Change> changedSince(String base, SurveyDoc now, Locale locale) {
    Map<String, String> before = new LinkedHashMap<>();
    try {
      String text = new String(Base64.getUrlDecoder().decode(base), StandardCharsets.UTF_8);
      for (String field : text.split(String.valueOf(FIELD_END))) {
        int k = field.indexOf(KEY_END);
        if (k > 0) {
          before.put(field.substring(0, k), field.substring(k + 1));
        }
      }
    } catch (IllegalArgumentException e) {
      before.clear();
    }
    Map<String, String> after = flatten(now);
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<Change> out = new ArrayList<>();
    for (String key : keys) {
      String b = before.getOrDefault(key, "");
      String a = after.getOrDefault(key, "");
      if (!Objects.equals(a, b)) {
        out.add(new Change(words(key, locale), b, a));
      }
    }
    return out;
  }

  /** "item.inseguro.label" → "Pregunta inseguro › Etiqueta". */
  private static String words(String key, Locale locale) {
    String[] parts = key.split("\\.", 3);
    if (parts[0].equals("item") && parts.length == 3) {
      return Messages.format(locale, "surveyForm.part.item", parts[1])
          + " › "
          + Messages.format(locale, "surveyForm.field.item." + parts[2]);
    }
    return Messages.format(locale, "surveyForm.field." + key);
  }

  static Map<String, String> flatten(SurveyDoc d) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("name", d.name());
    out.put("universe", Objects.toString(d.universe(), ""));
    out.put("periodStart", Objects.toString(d.periodStart(), ""));
    out.put("periodEnd", Objects.toString(d.periodEnd(), ""));
    var design = d.design();
    out.put("weights", String.join(", ", design.weights()));
    out.put("strata", Objects.toString(design.strata(), ""));
    out.put("psu", Objects.toString(design.psu(), ""));
    coded(out, "sex", design.sex());
    coded(out, "territory", design.territory());
    coded(out, "ageGroup", design.ageGroup());
    out.put("items", String.join(", ", d.items().stream().map(SurveyDoc.Item::code).toList()));
    for (SurveyDoc.Item i : d.items()) {
      String p = "item." + i.code() + ".";
      out.put(p + "type", i.type().name());
      out.put(p + "label", i.label());
      out.put(p + "weight", Objects.toString(i.weight(), ""));
      out.put(p + "values", SurveyText.values(i.values()));
      out.put(p + "missing", String.join(", ", i.missing()));
      out.put(p + "unit", Objects.toString(i.unit(), ""));
    }
    return out;
  }

  private static void coded(Map<String, String> out, String name, SurveyDoc.Coded c) {
    out.put(name + "Variable", c == null ? "" : c.variable());
    out.put(name + "Codes", c == null ? "" : SurveyText.codes(c.codes()));
    out.put(name + "Missing", c == null ? "" : String.join(", ", c.missing()));
  }
}
