package org.atalaya.survey;

import java.util.List;
import java.util.Locale;

/**
 * A questionnaire as XLSForm describes it, whichever way it arrived (a workbook's {@code survey}
 * and {@code choices} sheets, or KoboToolbox's asset JSON): rows in form order and choice lists.
 * Labels are already chosen: the Spanish one first, the English one beside it when the form has it.
 */
record FormQuestions(List<Question> questions, List<Choice> choices) {
  FormQuestions {
    questions = List.copyOf(questions);
    choices = List.copyOf(choices);
  }

  /** One row of the survey sheet; {@code list} is the choice list of a select, else null. */
  record Question(
      String type, String list, String name, String label, String labelEn, String appearance) {

    /** The type's first word in XLSForm's spelling: "begin group", "select_one", "integer"… */
    String kind() {
      String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (t.startsWith("begin_") || t.startsWith("end_")) {
        t = t.replaceFirst("_", " ");
      }
      if (t.startsWith("begin ") || t.startsWith("end ")) {
        String[] words = t.split(" ");
        return words[0] + " " + (words.length > 1 ? words[1] : "");
      }
      if (t.startsWith("select one from ")) {
        return "select_one";
      }
      if (t.startsWith("select all that apply from ") || t.startsWith("select multiple from ")) {
        return "select_multiple";
      }
      int space = t.indexOf(' ');
      return space < 0 ? t : t.substring(0, space);
    }
  }

  /** A choice; {@code territory} is the Atalaya territory code a form may give beside it. */
  record Choice(String list, String name, String label, String labelEn, String territory) {}

  /** The list named by a select type written in one cell ("select_one yes_no or_other"). */
  static String listOf(String type) {
    String t = type.strip().replaceAll("\\s+", " ");
    String lower = t.toLowerCase(Locale.ROOT);
    for (String prefix :
        List.of(
            "select one from ",
            "select all that apply from ",
            "select multiple from ",
            "select_one ",
            "select_multiple ")) {
      if (lower.startsWith(prefix)) {
        String rest = t.substring(prefix.length()).strip();
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
      }
    }
    return null;
  }

  /** "or_other" / "or specify other": the form adds a choice "other" of its own. */
  static boolean orOther(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.endsWith(" or_other") || lower.endsWith(" or specify other");
  }

  /** Which of a form's label columns or translations is Spanish, and which English. */
  static int language(List<String> names, boolean english) {
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i) == null ? "" : names.get(i).toLowerCase(Locale.ROOT);
      boolean match =
          english
              ? n.contains("english") || n.contains("(en)") || n.equals("en")
              : n.contains("español")
                  || n.contains("espanol")
                  || n.contains("spanish")
                  || n.contains("(es)")
                  || n.equals("es");
      if (match) {
        return i;
      }
    }
    return -1;
  }
}
