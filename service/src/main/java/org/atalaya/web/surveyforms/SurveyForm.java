package org.atalaya.web.surveyforms;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.survey.ItemType;
import org.atalaya.survey.SurveyDoc;

/**
 * A survey as typed into its form, every field as text so that what was typed comes back as it was.
 * Value labels and design codes are one per line, {@code 1 = Sí}; missing codes and weights are
 * separated by commas. Items are rows {@code item-0-code}, {@code item-0-type}, …; a row left
 * wholly blank is no item. {@code base} is the survey as it was read, for optimistic locking.
 */
public record SurveyForm(Map<String, String> fields, List<ItemRow> items) {
  static final List<String> HEAD =
      List.of(
          "code",
          "name",
          "universe",
          "periodStart",
          "periodEnd",
          "weights",
          "strata",
          "psu",
          "sexVariable",
          "sexCodes",
          "sexMissing",
          "territoryVariable",
          "territoryCodes",
          "territoryMissing",
          "ageGroupVariable",
          "ageGroupCodes",
          "ageGroupMissing",
          "base");
  static final int SPARE = 2;

  public SurveyForm {
    fields = Map.copyOf(fields);
    items = List.copyOf(items);
  }

  public record ItemRow(
      int row,
      String code,
      String type,
      String label,
      String weight,
      String values,
      String missing,
      String unit) {
    boolean blank() {
      return code.isBlank() && label.isBlank() && values.isBlank() && missing.isBlank();
    }
  }

  public String get(String field) {
    return fields.getOrDefault(field, "");
  }

  static SurveyForm blank() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("weights", "");
    List<ItemRow> rows = new ArrayList<>();
    for (int i = 0; i < SPARE + 1; i++) {
      rows.add(new ItemRow(i, "", "BINARY", "", "", "", "", ""));
    }
    return new SurveyForm(f, rows);
  }

  /** What the browser posted: the head fields, then item rows up to the first absent. */
  static SurveyForm posted(Map<String, String> post) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String h : HEAD) {
      f.put(h, post.getOrDefault(h, "").strip());
    }
    List<ItemRow> rows = new ArrayList<>();
    for (int i = 0; post.containsKey("item-" + i + "-code"); i++) {
      String p = "item-" + i + "-";
      rows.add(
          new ItemRow(
              rows.size(),
              post.getOrDefault(p + "code", "").strip(),
              post.getOrDefault(p + "type", "").strip(),
              post.getOrDefault(p + "label", "").strip(),
              post.getOrDefault(p + "weight", "").strip(),
              post.getOrDefault(p + "values", "").strip(),
              post.getOrDefault(p + "missing", "").strip(),
              post.getOrDefault(p + "unit", "").strip()));
    }
    return new SurveyForm(f, rows).withSpare();
  }

  static SurveyForm of(SurveyDoc d, String base) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("code", d.code());
    f.put("name", d.name());
    f.put("universe", orEmpty(d.universe()));
    f.put("periodStart", d.periodStart() == null ? "" : d.periodStart().toString());
    f.put("periodEnd", d.periodEnd() == null ? "" : d.periodEnd().toString());
    var design = d.design();
    f.put("weights", String.join(", ", design.weights()));
    f.put("strata", orEmpty(design.strata()));
    f.put("psu", orEmpty(design.psu()));
    coded(f, "sex", design.sex());
    coded(f, "territory", design.territory());
    coded(f, "ageGroup", design.ageGroup());
    f.put("base", base);
    List<ItemRow> rows = new ArrayList<>();
    for (SurveyDoc.Item i : d.items()) {
      rows.add(
          new ItemRow(
              rows.size(),
              i.code(),
              i.type().name(),
              i.label(),
              orEmpty(i.weight()),
              i.type() == ItemType.NUMERIC ? "" : SurveyText.values(i.values()),
              String.join(", ", i.missing()),
              orEmpty(i.unit())));
    }
    return new SurveyForm(f, rows).withSpare();
  }

  private static void coded(Map<String, String> f, String name, @Nullable SurveyDoc.Coded c) {
    f.put(name + "Variable", c == null ? "" : c.variable());
    f.put(name + "Codes", c == null ? "" : SurveyText.codes(c.codes()));
    f.put(name + "Missing", c == null ? "" : String.join(", ", c.missing()));
  }

  SurveyForm withBase(String base) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("base", base);
    return new SurveyForm(f, items);
  }

  /** The rows typed, then blank rows to add more items. */
  private SurveyForm withSpare() {
    List<ItemRow> rows = new ArrayList<>(items.stream().filter(r -> !r.blank()).toList());
    List<ItemRow> out = new ArrayList<>();
    for (ItemRow r : rows) {
      out.add(
          new ItemRow(
              out.size(),
              r.code(),
              r.type(),
              r.label(),
              r.weight(),
              r.values(),
              r.missing(),
              r.unit()));
    }
    for (int i = 0; i < SPARE; i++) {
      out.add(new ItemRow(out.size(), "", "BINARY", "", "", "", "", ""));
    }
    return new SurveyForm(fields, out);
  }

  /** The fields that cannot even be read (a date, a line without "="), with the message key. */
  Map<String, String> unreadable() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String date : List.of("periodStart", "periodEnd")) {
      if (!get(date).isBlank() && date(get(date)) == null) {
        out.put(date, "surveyForm.error.date");
      }
    }
    for (String c : List.of("sexCodes", "territoryCodes", "ageGroupCodes")) {
      if (SurveyText.pairs(get(c)) == null) {
        out.put(c, "surveyForm.error.line");
      }
      String variable = c.replace("Codes", "Variable");
      if (get(variable).isBlank() && !get(c).isBlank()) {
        out.put(variable, "surveyForm.error.variable");
      }
    }
    for (ItemRow r : items) {
      if (!r.blank() && SurveyText.pairs(r.values()) == null) {
        out.put("item-" + r.row() + "-values", "surveyForm.error.line");
      }
    }
    return out;
  }

  /** The survey as the API receives it; fields that could not be read are left out. */
  SurveyDoc toDoc(@Nullable String fixedCode) {
    List<SurveyDoc.Item> docItems = new ArrayList<>();
    for (ItemRow r : items) {
      if (r.blank()) {
        continue;
      }
      ItemType type = choice(r.type());
      List<SurveyDoc.ValueLabel> values = new ArrayList<>();
      var pairs = SurveyText.pairs(r.values());
      if (pairs != null) {
        pairs.forEach((k, v) -> values.add(new SurveyDoc.ValueLabel(k, v, null)));
      }
      docItems.add(
          new SurveyDoc.Item(
              r.code(),
              r.label(),
              null,
              type,
              values,
              list(r.missing()),
              text(r.unit()),
              text(r.weight())));
    }
    return new SurveyDoc(
        fixedCode != null ? fixedCode : get("code"),
        get("name"),
        text(get("universe")),
        date(get("periodStart")),
        date(get("periodEnd")),
        new SurveyDoc.Design(
            list(get("weights")),
            text(get("strata")),
            text(get("psu")),
            codedDoc("sex"),
            codedDoc("territory"),
            codedDoc("ageGroup")),
        docItems);
  }

  /** The form row of the {@code i}-th item the definition holds (blank rows are skipped). */
  int rowOfItem(int i) {
    int n = 0;
    for (ItemRow r : items) {
      if (!r.blank()) {
        if (n == i) {
          return r.row();
        }
        n++;
      }
    }
    return -1;
  }

  private @Nullable SurveyDoc.Coded codedDoc(String name) {
    String variable = get(name + "Variable");
    if (variable.isBlank()) {
      return null;
    }
    var pairs = SurveyText.pairs(get(name + "Codes"));
    return new SurveyDoc.Coded(
        variable, pairs == null ? Map.of() : pairs, list(get(name + "Missing")));
  }

  private static @Nullable ItemType choice(String value) {
    return Arrays.stream(ItemType.values())
        .filter(t -> t.name().equals(value))
        .findFirst()
        .orElse(null);
  }

  static @Nullable LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static List<String> list(String s) {
    return Arrays.stream(s.split("[,;\\n]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  private static @Nullable String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
