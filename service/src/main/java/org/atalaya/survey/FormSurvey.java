package org.atalaya.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a form's questions into a survey definition: select_one and select_multiple become coded
 * items with their choice labels (yes/no lists binary, {@code likert} appearance a scale), integer,
 * decimal and range numeric items; "no sabe / no responde" choices (88, 96, 98, 99…) become missing
 * codes. Groups are read through; form metadata, notes and calculations are not questions; any
 * other type, and anything inside a repeat (many answers per respondent), is named as unsupported.
 * The sampling design is not in a form: the analyst names its variables.
 */
final class FormSurvey {
  private FormSurvey() {}

  record Design(
      String code,
      String name,
      List<String> weights,
      String strata,
      String psu,
      String sex,
      String territory) {}

  /** A question left out, with the message key saying why. */
  record Skipped(String name, String type, String reason) {}

  record Result(SurveyDoc survey, List<Skipped> skipped) {}

  private static final Set<String> NOT_QUESTIONS =
      Set.of(
          "start",
          "end",
          "today",
          "deviceid",
          "subscriberid",
          "simserial",
          "phonenumber",
          "username",
          "email",
          "audit",
          "note",
          "calculate",
          "hidden",
          "uri:deviceid",
          "start-geopoint",
          "background-audio",
          "xml-external",
          "csv-external");
  private static final Set<String> MISSING_CODES =
      Set.of("88", "96", "97", "98", "99", "888", "999", "-88", "-99", "-1", "ns", "nr", "nsnr");

  static Result build(FormQuestions form, Design design) {
    Map<String, List<FormQuestions.Choice>> lists = new LinkedHashMap<>();
    for (FormQuestions.Choice c : form.choices()) {
      lists.computeIfAbsent(c.list(), k -> new ArrayList<>()).add(c);
    }
    Set<String> designVariables = new HashSet<>(design.weights());
    for (String v :
        new String[] {design.strata(), design.psu(), design.sex(), design.territory()}) {
      if (v != null) {
        designVariables.add(v);
      }
    }
    List<SurveyDoc.Item> items = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    SurveyDoc.Coded sex = null;
    SurveyDoc.Coded territory = null;
    int repeats = 0;
    for (FormQuestions.Question q : form.questions()) {
      String kind = q.kind();
      switch (kind) {
        case "begin repeat" -> {
          repeats++;
          continue;
        }
        case "end repeat" -> {
          repeats = Math.max(0, repeats - 1);
          continue;
        }
        case "begin group", "end group" -> {
          continue;
        }
        default -> {}
      }
      if (NOT_QUESTIONS.contains(kind) || q.name().isEmpty()) {
        continue;
      }
      List<FormQuestions.Choice> choices =
          q.list() == null ? List.of() : lists.getOrDefault(q.list(), List.of());
      if (q.name().equals(design.sex()) && !choices.isEmpty()) {
        sex = sexCodes(q.name(), choices);
        continue;
      }
      if (q.name().equals(design.territory()) && !choices.isEmpty()) {
        territory = territoryCodes(q.name(), choices);
        continue;
      }
      if (designVariables.contains(q.name())) {
        continue;
      }
      if (repeats > 0) {
        skipped.add(new Skipped(q.name(), q.type(), "xlsform.skip.inRepeat"));
        continue;
      }
      if (!q.name().matches(SurveyDoc.VARIABLE)) {
        skipped.add(new Skipped(q.name(), q.type(), "xlsform.skip.badName"));
        continue;
      }
      SurveyDoc.Item item =
          switch (kind) {
            case "select_one", "select_multiple" -> coded(q, kind, choices, skipped);
            case "integer", "decimal", "range" ->
                new SurveyDoc.Item(
                    q.name(), label(q), english(q), ItemType.NUMERIC, null, null, null);
            default -> {
              skipped.add(new Skipped(q.name(), q.type(), "xlsform.skip.unsupportedType"));
              yield null;
            }
          };
      if (item != null) {
        items.add(item);
      }
    }
    if (sex == null && design.sex() != null) {
      sex = new SurveyDoc.Coded(design.sex(), Map.of(), List.of());
    }
    if (territory == null && design.territory() != null) {
      territory = new SurveyDoc.Coded(design.territory(), Map.of(), List.of());
    }
    var doc =
        new SurveyDoc(
            design.code(),
            design.name(),
            null,
            null,
            null,
            new SurveyDoc.Design(
                design.weights(), design.strata(), design.psu(), sex, territory, null),
            items);
    return new Result(doc, List.copyOf(skipped));
  }

  private static SurveyDoc.Item coded(
      FormQuestions.Question q,
      String kind,
      List<FormQuestions.Choice> choices,
      List<Skipped> skipped) {
    if (choices.isEmpty()) {
      skipped.add(new Skipped(q.name(), q.type(), "xlsform.skip.noChoices"));
      return null;
    }
    List<SurveyDoc.ValueLabel> values = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (FormQuestions.Choice c : choices) {
      if (kind.equals("select_one") && missing(c)) {
        missing.add(c.name());
      } else {
        values.add(value(c));
      }
    }
    if (FormQuestions.orOther(q.type())) {
      values.add(new SurveyDoc.ValueLabel("other", "Otro", "Other"));
    }
    if (kind.equals("select_multiple")
        && values.stream().anyMatch(v -> !v.code().matches(SurveyDoc.VARIABLE))) {
      skipped.add(new Skipped(q.name(), q.type(), "xlsform.skip.badChoice"));
      return null;
    }
    ItemType type =
        kind.equals("select_multiple")
            ? ItemType.SELECT_MULTIPLE
            : q.appearance().toLowerCase(Locale.ROOT).contains("likert")
                ? ItemType.LIKERT
                : values.size() == 2 ? ItemType.BINARY : ItemType.CATEGORICAL;
    return new SurveyDoc.Item(q.name(), label(q), english(q), type, values, missing, null);
  }

  private static boolean missing(FormQuestions.Choice c) {
    String name = c.name().strip().toLowerCase(Locale.ROOT);
    String label = c.label().strip().toLowerCase(Locale.ROOT);
    return MISSING_CODES.contains(name)
        || label.startsWith("no sabe")
        || label.startsWith("no responde")
        || label.startsWith("ns/nr")
        || label.startsWith("prefiere no");
  }

  private static SurveyDoc.ValueLabel value(FormQuestions.Choice c) {
    String label = c.label().isBlank() ? c.name() : c.label();
    return new SurveyDoc.ValueLabel(
        c.name(), cut(label, 300), c.labelEn().isBlank() ? null : cut(c.labelEn(), 300));
  }

  /** Sex codes guessed from the choices' names and labels (mujer/femenino/female → F …). */
  private static SurveyDoc.Coded sexCodes(String variable, List<FormQuestions.Choice> choices) {
    Map<String, String> codes = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (FormQuestions.Choice c : choices) {
      String words = (c.name() + " " + c.label() + " " + c.labelEn()).toLowerCase(Locale.ROOT);
      if (words.matches(".*\\b(mujer|femenino|female|woman|f)\\b.*")) {
        codes.put(c.name(), "F");
      } else if (words.matches(".*\\b(hombre|masculino|male|man|m)\\b.*")) {
        codes.put(c.name(), "M");
      } else {
        missing.add(c.name());
      }
    }
    return new SurveyDoc.Coded(variable, codes, missing);
  }

  /** Territory codes from the choices' {@code territorio} column; without it, the choice names. */
  private static SurveyDoc.Coded territoryCodes(
      String variable, List<FormQuestions.Choice> choices) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (FormQuestions.Choice c : choices) {
      if (!c.territory().isBlank()) {
        codes.put(c.name(), c.territory().strip());
      }
    }
    return new SurveyDoc.Coded(variable, codes, List.of());
  }

  private static String label(FormQuestions.Question q) {
    return cut(q.label().isBlank() ? q.name() : q.label(), 500);
  }

  private static String english(FormQuestions.Question q) {
    return q.labelEn().isBlank() ? null : cut(q.labelEn(), 500);
  }

  private static String cut(String text, int max) {
    String plain = text.strip().replaceAll("\\s+", " ");
    return plain.length() <= max ? plain : plain.substring(0, max - 1) + "…";
  }
}
