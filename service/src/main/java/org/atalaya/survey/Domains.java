package org.atalaya.survey;

import java.util.ArrayList;
import java.util.Comparator;
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
      String variable, String[] codes, Comparator<String> order, Function<String, String> label) {}

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
        String[] raw = data.variables().get(by);
        String[] codes = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
          codes[i] = raw[i] == null || item.missing().contains(raw[i]) ? null : raw[i];
        }
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

  /** {@code inFilter} null means everyone. */
  static Domains build(List<Axis> axes, boolean[] inFilter, int size) {
    Comparator<List<String>> order =
        (a, b) -> {
          for (int k = 0; k < axes.size(); k++) {
            int c = axes.get(k).order().compare(a.get(k), b.get(k));
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    Map<List<String>, Integer> keys = new TreeMap<>(order);
    List<List<String>> perRespondent = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      List<String> key = new ArrayList<>(axes.size());
      for (Axis axis : axes) {
        String code = axis.codes()[i];
        if (code == null) {
          key = null;
          break;
        }
        key.add(code);
      }
      if (key != null && inFilter != null && !inFilter[i]) {
        key = null;
      }
      perRespondent.add(key);
      if (key != null) {
        keys.putIfAbsent(key, 0);
      }
    }
    int next = 0;
    List<List<EstimateTable.DomainCode>> cells = new ArrayList<>();
    for (var entry : keys.entrySet()) {
      entry.setValue(next++);
      List<EstimateTable.DomainCode> cell = new ArrayList<>();
      for (int k = 0; k < axes.size(); k++) {
        String code = entry.getKey().get(k);
        cell.add(
            new EstimateTable.DomainCode(
                axes.get(k).variable(), code, axes.get(k).label().apply(code)));
      }
      cells.add(List.copyOf(cell));
    }
    int[] codes = new int[size];
    for (int i = 0; i < size; i++) {
      List<String> key = perRespondent.get(i);
      codes[i] = key == null ? -1 : keys.get(key);
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
