package org.atalaya.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.atalaya.shared.ApiException;

/**
 * The domains of an estimate as codes per respondent (−1: in none), from sex, territory, age group
 * or coded items, crossed in the order asked. Only combinations that occur in the sample (or in the
 * filter) are cells; each comes back with its codes and labels in the caller's language.
 */
record Domains(int[] codes, List<List<EstimateTable.DomainCode>> cells) {

  /** How one "by" variable reads and names its codes. */
  record Axis(
      String variable, Column codes, Comparator<String> order, Function<String, String> label) {}

  static List<String> itemsNeeded(SurveyDoc survey, List<String> by) {
    List<String> items = new ArrayList<>();
    for (String b : by) {
      if (!b.equals(EstimateRequest.SEX)
          && !b.equals(EstimateRequest.TERRITORY)
          && !b.equals(EstimateRequest.AGE_GROUP)) {
        SurveyDoc.Item item = survey.item(b);
        if (item == null
            || item.type() == ItemType.NUMERIC
            || item.type() == ItemType.SELECT_MULTIPLE) {
          throw ApiException.invalid("by", "survey.unknownDomain", b);
        }
        items.add(b);
      }
    }
    return items;
  }

  static Axis axis(
      String by,
      SurveyDoc survey,
      WaveData data,
      boolean english,
      Function<String, String> territoryName,
      Function<String, String> sexLabel) {
    return switch (by) {
      case EstimateRequest.SEX ->
          new Axis(
              by,
              data.sex(),
              Comparator.comparingInt(s -> List.of("F", "M", "_U").indexOf(s)),
              sexLabel);
      case EstimateRequest.TERRITORY ->
          new Axis(by, data.territory(), Comparator.naturalOrder(), territoryName);
      case EstimateRequest.AGE_GROUP ->
          new Axis(by, data.ageGroup(), Domains::natural, Function.identity());
      default -> {
        SurveyDoc.Item item = survey.item(by);
        Column raw = data.variables().get(by);
        // Missing codes are no domain: their texts become null, the respondents' codes stay.
        String[] texts = raw.values().clone();
        for (int k = 0; k < texts.length; k++) {
          texts[k] = item.missing().contains(texts[k]) ? null : texts[k];
        }
        Column codes = new Column(raw.codes(), texts);
        List<String> order = item.values().stream().map(SurveyDoc.ValueLabel::code).toList();
        yield new Axis(
            by,
            codes,
            Comparator.comparingInt(order::indexOf),
            c -> {
              var v = item.value(c);
              return v == null ? c : english && v.labelEn() != null ? v.labelEn() : v.label();
            });
      }
    };
  }

  /**
   * {@code inFilter} null means everyone. Cells come in the axes' order, the first axis first;
   * codes an axis's order ranks alike share one cell, named after the first respondent in it.
   */
  /** Up to this many combinations of codes are counted in an array, beyond in a map. */
  private static final long DENSE = 1 << 22;

  static Domains build(List<Axis> axes, boolean[] inFilter, int size) {
    int[][] rank = new int[axes.size()][];
    long[] radix = new long[axes.size()];
    long combinations = 1;
    for (int k = axes.size() - 1; k >= 0; k--) {
      Axis axis = axes.get(k);
      String[] texts = axis.codes().values();
      rank[k] = new int[texts.length];
      List<Integer> present = new ArrayList<>();
      for (int c = 0; c < texts.length; c++) {
        rank[k][c] = -1;
        if (texts[c] != null) {
          present.add(c);
        }
      }
      present.sort((a, b) -> axis.order().compare(texts[a], texts[b]));
      int r = -1;
      for (int j = 0; j < present.size(); j++) {
        if (j == 0 || axis.order().compare(texts[present.get(j - 1)], texts[present.get(j)]) != 0) {
          r++;
        }
        rank[k][present.get(j)] = r;
      }
      radix[k] = combinations;
      combinations *= Math.max(1, r + 1);
    }
    long[] keyOf = new long[size];
    for (int i = 0; i < size; i++) {
      long key = inFilter != null && !inFilter[i] ? -1 : 0;
      for (int k = 0; k < axes.size() && key >= 0; k++) {
        int code = axes.get(k).codes().codes()[i];
        int r = code < 0 ? -1 : rank[k][code];
        key = r < 0 ? -1 : key + r * radix[k];
      }
      keyOf[i] = key;
    }
    // Each combination that occurs, with its first respondent, in order.
    Map<Long, Integer> first = new TreeMap<>();
    if (combinations <= DENSE) {
      int[] firstOf = new int[(int) combinations];
      Arrays.fill(firstOf, -1);
      for (int i = size - 1; i >= 0; i--) {
        if (keyOf[i] >= 0) {
          firstOf[(int) keyOf[i]] = i;
        }
      }
      for (int key = 0; key < firstOf.length; key++) {
        if (firstOf[key] >= 0) {
          first.put((long) key, firstOf[key]);
        }
      }
    } else {
      for (int i = 0; i < size; i++) {
        if (keyOf[i] >= 0) {
          first.putIfAbsent(keyOf[i], i);
        }
      }
    }
    Map<Long, Integer> cellOf = new HashMap<>();
    List<List<EstimateTable.DomainCode>> cells = new ArrayList<>();
    for (var entry : first.entrySet()) {
      cellOf.put(entry.getKey(), cells.size());
      List<EstimateTable.DomainCode> cell = new ArrayList<>();
      for (Axis axis : axes) {
        String code = axis.codes().at(entry.getValue());
        cell.add(new EstimateTable.DomainCode(axis.variable(), code, axis.label().apply(code)));
      }
      cells.add(List.copyOf(cell));
    }
    int[] codes = new int[size];
    long lastKey = -1;
    int lastCell = -1;
    for (int i = 0; i < size; i++) {
      long key = keyOf[i];
      if (key != lastKey) {
        lastKey = key;
        lastCell = key < 0 ? -1 : cellOf.get(key);
      }
      codes[i] = lastCell;
    }
    return new Domains(codes, cells);
  }

  /** "2" before "10" when both are numbers; text otherwise. */
  static int natural(String a, String b) {
    Double x = Answers.number(a);
    Double y = Answers.number(b);
    return x != null && y != null ? Double.compare(x, y) : a.compareTo(b);
  }
}
