package org.atalaya.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a mapping may bind to columns: the design's variables, every item, and for a
 * select-multiple item each of its choices ({@code delitos/robo}), which a file may give as its own
 * 0/1 column.
 */
record Variables(SurveyDoc survey, List<String> design) {

  static Variables of(SurveyDoc survey) {
    Set<String> design = new LinkedHashSet<>(survey.design().weights());
    var d = survey.design();
    addIfPresent(design, d.strata());
    addIfPresent(design, d.psu());
    for (SurveyDoc.Coded c : new SurveyDoc.Coded[] {d.sex(), d.territory(), d.ageGroup()}) {
      if (c != null) {
        design.add(c.variable());
      }
    }
    return new Variables(survey, List.copyOf(design));
  }

  private static void addIfPresent(Set<String> names, String name) {
    if (name != null) {
      names.add(name);
    }
  }

  boolean known(String variable) {
    if (design.contains(variable) || survey.item(variable) != null) {
      return true;
    }
    int slash = variable.indexOf('/');
    if (slash < 0) {
      return false;
    }
    var item = survey.item(variable.substring(0, slash));
    return item != null
        && item.type() == ItemType.SELECT_MULTIPLE
        && item.value(variable.substring(slash + 1)) != null;
  }

  List<String> names() {
    List<String> all = new ArrayList<>(design);
    survey.items().forEach(i -> all.add(i.code()));
    return all;
  }

  /** The key under which a choice of a select-multiple item is stored and estimated. */
  static String choice(String item, String choice) {
    return item + "/" + choice;
  }
}
