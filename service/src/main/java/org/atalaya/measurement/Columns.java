package org.atalaya.measurement;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented layout of a measurement upload. Headers are matched in Spanish or English,
 * regardless of case, accents and spaces; columns may come in any order.
 */
enum Columns {
  INDICATOR("indicador", "indicator"),
  PERIOD("periodo", "period"),
  SEX("sexo", "sex"),
  TERRITORY("territorio", "territory"),
  AGE_GROUP("grupo_edad", "age_group"),
  SOURCE("fuente", "source"),
  VALUE("valor", "value"),
  NUMERATOR("numerador", "numerator"),
  DENOMINATOR("denominador", "denominator"),
  STATUS("estado", "status");

  final String spanish;
  final String english;

  Columns(String spanish, String english) {
    this.spanish = spanish;
    this.english = english;
  }

  static final List<Columns> REQUIRED = List.of(INDICATOR, PERIOD, VALUE);

  /** Where each known column sits in this file's header, and how the file names it. */
  record Layout(
      Map<Columns, Integer> index,
      Map<Columns, String> names,
      List<Columns> missing,
      List<String> unknown,
      List<String> duplicated) {
    String cell(List<String> cells, Columns column) {
      Integer i = index.get(column);
      if (i == null || i >= cells.size()) {
        return "";
      }
      return cells.get(i).trim();
    }

    String name(Columns column) {
      return names.getOrDefault(column, column.spanish);
    }
  }

  static Layout layout(List<String> header) {
    Map<Columns, Integer> index = new HashMap<>();
    Map<Columns, String> names = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String key = normalise(header.get(i));
      boolean known = false;
      for (Columns c : values()) {
        if (key.equals(c.spanish) || key.equals(c.english)) {
          if (index.containsKey(c)) {
            duplicated.add(header.get(i).trim());
          }
          index.putIfAbsent(c, i);
          names.putIfAbsent(c, header.get(i).trim());
          known = true;
        }
      }
      if (!known && !key.isEmpty()) {
        unknown.add(header.get(i).trim());
      }
    }
    List<Columns> missing = new ArrayList<>();
    for (Columns c : REQUIRED) {
      if (!index.containsKey(c)) {
        missing.add(c);
      }
    }
    return new Layout(index, names, missing, unknown, duplicated);
  }

  static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('\uFEFF', ' ')
        .trim()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s-]+", "_");
  }

  static String header() {
    var joined = new StringBuilder();
    for (Columns c : values()) {
      if (!joined.isEmpty()) {
        joined.append(',');
      }
      joined.append(c.spanish);
    }
    return joined.toString();
  }
}
