package org.atalaya.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where each of a survey's variables sits in one file's header, after its mapping. A column the
 * mapping names but the file lacks, or a design variable (weight, stratum, PSU, sex, territory)
 * that cannot be found, refuses the file; an item that cannot be found is only a warning (that wave
 * did not ask it).
 */
record ColumnPlan(
    List<String> header,
    int id,
    int[] weights,
    int strata,
    int psu,
    int sex,
    int territory,
    int ageGroup,
    List<ItemColumns> items) {

  /** An item's column, and for a select-multiple item its per-choice 0/1 columns (-1: absent). */
  record ItemColumns(SurveyDoc.Item item, int column, Map<String, Integer> choices) {}

  static ColumnPlan resolve(
      List<String> header,
      SurveyDoc survey,
      MappingDoc mapping,
      Consumer<SurveyProblem> errors,
      Consumer<SurveyProblem> warnings) {
    var finder = new Finder(header, mapping, errors);
    var design = survey.design();
    int[] weights = new int[design.weights().size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = finder.required(design.weights().get(i), "weight");
    }
    int id = -1;
    String idColumn =
        mapping.respondentId() != null ? mapping.respondentId() : mapping.format().defaultId();
    if (idColumn != null) {
      id = finder.exact(idColumn);
      if (id < 0) {
        errors.accept(SurveyProblem.of(1, idColumn, "", "mappedColumnMissing", "respondentId"));
      }
    }
    List<ItemColumns> items = new ArrayList<>();
    for (SurveyDoc.Item item : survey.items()) {
      int column = finder.find(item.code());
      Map<String, Integer> choices = new LinkedHashMap<>();
      if (item.type() == ItemType.SELECT_MULTIPLE) {
        String base = column >= 0 ? header.get(column) : mapping.columns().get(item.code());
        for (SurveyDoc.ValueLabel v : item.values()) {
          choices.put(v.code(), finder.choice(item.code(), v.code(), base));
        }
      }
      boolean found = column >= 0 || choices.values().stream().anyMatch(c -> c >= 0);
      if (!found && !mapping.columns().containsKey(item.code())) {
        warnings.accept(SurveyProblem.of(1, item.code(), "", "itemColumnMissing"));
      }
      items.add(new ItemColumns(item, column, choices));
    }
    return new ColumnPlan(
        header,
        id,
        weights,
        design.strata() == null ? -1 : finder.required(design.strata(), "strata"),
        design.psu() == null ? -1 : finder.required(design.psu(), "psu"),
        design.sex() == null ? -1 : finder.required(design.sex().variable(), "sex"),
        design.territory() == null
            ? -1
            : finder.required(design.territory().variable(), "territory"),
        design.ageGroup() == null ? -1 : finder.required(design.ageGroup().variable(), "ageGroup"),
        List.copyOf(items));
  }

  /** Header columns that feed nothing: meta columns, or what the mapping does not name. */
  List<String> unused() {
    var used = new java.util.HashSet<Integer>();
    used.add(id);
    for (int w : weights) {
      used.add(w);
    }
    used.addAll(List.of(strata, psu, sex, territory, ageGroup));
    for (ItemColumns item : items) {
      used.add(item.column());
      used.addAll(item.choices().values());
    }
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (!used.contains(i)) {
        unused.add(header.get(i));
      }
    }
    return unused;
  }

  String name(int column) {
    return column < 0 ? "" : header.get(column);
  }

  /** Looks columns up by the mapping, by name, and by the last part of a grouped name. */
  private record Finder(List<String> header, MappingDoc mapping, Consumer<SurveyProblem> errors) {
    int exact(String column) {
      int found = header.indexOf(column);
      for (int i = 0; i < header.size() && found < 0; i++) {
        found = header.get(i).equalsIgnoreCase(column) ? i : -1;
      }
      return found;
    }

    /** -1 when absent; a mapped column that is absent is an error naming it. */
    int find(String variable) {
      String mapped = mapping.columns().get(variable);
      if (mapped != null) {
        int at = exact(mapped);
        if (at < 0) {
          errors.accept(SurveyProblem.of(1, mapped, "", "mappedColumnMissing", variable));
        }
        return at;
      }
      int at = exact(variable);
      String separator = mapping.format().groupSeparator();
      for (int i = 0; i < header.size() && at < 0 && separator != null; i++) {
        at = header.get(i).endsWith(separator + variable) ? i : -1;
      }
      return at;
    }

    int required(String variable, String role) {
      boolean mapped = mapping.columns().containsKey(variable);
      int at = find(variable);
      if (at < 0 && !mapped) {
        errors.accept(
            SurveyProblem.of(
                1,
                variable,
                "",
                "designColumnMissing",
                new org.atalaya.shared.Messages.Key("survey.role." + role)));
      }
      return at;
    }

    int choice(String item, String choice, String base) {
      String key = Variables.choice(item, choice);
      if (mapping.columns().containsKey(key)) {
        return find(key);
      }
      String separator = mapping.choiceSeparatorOrDefault();
      if (base != null) {
        int at = exact(base + separator + choice);
        if (at >= 0) {
          return at;
        }
      }
      String suffix = item + separator + choice;
      String group = mapping.format().groupSeparator();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        if (h.equals(suffix) || group != null && h.endsWith(group + suffix)) {
          return i;
        }
      }
      return -1;
    }
  }
}
