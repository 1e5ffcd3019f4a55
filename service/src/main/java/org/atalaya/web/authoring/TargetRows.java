package org.atalaya.web.authoring;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorDoc.Point;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.indicator.Sex;
import org.atalaya.indicator.TargetPeriods;

/**
 * An indicator's targets as typed into their form: one row per cell (sex × territory), every field
 * as text so that what was typed comes back as it was. Periods are typed as {@code 2025-03}, {@code
 * 2025-T1} or {@code 2025} (see {@link TargetPeriods}); milestones one per line, {@code 2026-T4
 * 8,5}. A row left wholly blank is no target.
 */
public record TargetRows(List<Row> rows, @Nullable String base) {
  static final List<String> FIELDS =
      List.of(
          "sex",
          "territory",
          "baselinePeriod",
          "baselineValue",
          "milestones",
          "targetPeriod",
          "targetValue");

  public TargetRows {
    rows = List.copyOf(rows);
  }

  public record Row(
      String sex,
      String territory,
      String baselinePeriod,
      String baselineValue,
      String milestones,
      String targetPeriod,
      String targetValue) {
    boolean blank() {
      return baselinePeriod.isBlank()
          && baselineValue.isBlank()
          && milestones.isBlank()
          && targetPeriod.isBlank()
          && targetValue.isBlank();
    }
  }

  /** The targets as stored, with {@code spare} blank rows to add more. */
  static TargetRows of(
      List<TargetDoc> targets, Frequency f, String district, int spare, String base) {
    List<Row> rows = new ArrayList<>();
    for (TargetDoc t : targets) {
      List<String> ms = new ArrayList<>();
      for (Point m : t.milestones()) {
        ms.add(TargetPeriods.dueLabel(f, m.period()) + " " + m.value().toPlainString());
      }
      rows.add(
          new Row(
              t.sex().name(),
              t.territory(),
              TargetPeriods.baselineLabel(f, t.baseline().period()),
              t.baseline().value().toPlainString(),
              String.join("\n", ms),
              TargetPeriods.dueLabel(f, t.target().period()),
              t.target().value().toPlainString()));
    }
    for (int i = 0; i < spare; i++) {
      rows.add(new Row(Sex._T.name(), district, "", "", "", "", ""));
    }
    return new TargetRows(rows, base);
  }

  /** The rows of a posted form: {@code sex-0}, {@code territory-0}, … up to the first absent. */
  static TargetRows read(Map<String, String> form) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; form.containsKey("territory-" + i) && i < 200; i++) {
      int n = i;
      java.util.function.Function<String, String> v =
          f -> Optional.ofNullable(form.get(f + "-" + n)).orElse("");
      rows.add(
          new Row(
              v.apply("sex"),
              v.apply("territory"),
              v.apply("baselinePeriod"),
              v.apply("baselineValue"),
              v.apply("milestones"),
              v.apply("targetPeriod"),
              v.apply("targetValue")));
    }
    return new TargetRows(rows, form.get("base"));
  }

  /** What the API receives, and which form row each target came from. */
  record Parsed(List<TargetDoc> docs, List<Integer> rowOf, Map<String, String> unreadable) {}

  /** Reads the rows; problems are keyed {@code row.field} with their message key. */
  Parsed parse(Frequency frequency) {
    List<TargetDoc> docs = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    Map<String, String> bad = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.blank()) {
        continue;
      }
      String k = i + ".";
      Sex sex = sex(r.sex());
      if (sex == null) {
        bad.put(k + "sex", "targetForm.error.sex");
      }
      LocalDate baseline = null;
      if (r.baselinePeriod().isBlank()) {
        bad.put(k + "baselinePeriod", "targetForm.error.required");
      } else {
        baseline = TargetPeriods.baseline(frequency, r.baselinePeriod()).orElse(null);
        if (baseline == null) {
          bad.put(k + "baselinePeriod", "targetForm.error.baseline." + frequency.name());
        }
      }
      BigDecimal baselineValue = value(r.baselineValue(), k + "baselineValue", bad);
      LocalDate due = null;
      if (r.targetPeriod().isBlank()) {
        bad.put(k + "targetPeriod", "targetForm.error.required");
      } else {
        due = TargetPeriods.due(r.targetPeriod()).orElse(null);
        if (due == null) {
          bad.put(k + "targetPeriod", "targetForm.error.period");
        }
      }
      BigDecimal targetValue = value(r.targetValue(), k + "targetValue", bad);
      List<Point> milestones = new ArrayList<>();
      for (String line : CardForm.list(r.milestones())) {
        String[] parts = line.replace(":", " ").replace(";", " ").strip().split("\\s+", 2);
        Optional<LocalDate> when = TargetPeriods.due(parts[0]);
        BigDecimal value = parts.length < 2 ? null : IndicatorForm.number(parts[1]);
        if (when.isEmpty() || value == null) {
          bad.put(k + "milestones", "targetForm.error.milestone");
        } else {
          milestones.add(new Point(when.get(), value));
        }
      }
      if (sex != null
          && baseline != null
          && baselineValue != null
          && due != null
          && targetValue != null) {
        docs.add(
            new TargetDoc(
                sex,
                r.territory().strip(),
                new Point(baseline, baselineValue),
                milestones,
                new Point(due, targetValue)));
        rowOf.add(i);
      }
    }
    return new Parsed(docs, rowOf, bad);
  }

  private static BigDecimal value(String text, String key, Map<String, String> bad) {
    if (text.isBlank()) {
      bad.put(key, "targetForm.error.required");
      return null;
    }
    BigDecimal v = IndicatorForm.number(text);
    if (v == null) {
      bad.put(key, "authoring.error.number");
    }
    return v;
  }

  private static Sex sex(String code) {
    for (Sex s : Sex.values()) {
      if (s.name().equals(code.strip())) {
        return s;
      }
    }
    return null;
  }
}
